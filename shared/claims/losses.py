"""Noun phrases that can be losses: "four Azerbaijani helicopters", "40 more military deaths",
"a BM-21 Grad rocket launcher", "the Moskva, the flagship of Russia's Black Sea fleet", "97"."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at, is_side
from .lexicon import Subject
from .numbers import Quantity, parse_quantity
from .view import SentenceView

_MAX_MODIFIERS = 5
_MODEL_GENERICS = frozenset({"missile", "missiles", "system", "systems", "complex", "complexes", "launcher", "launchers", "rocket", "air", "defence", "defense", "anti-aircraft", "surface-to-air"})
_OWN = frozenset({"its", "our", "their", "his", "her"})
_BARE_STOPS = frozenset({":", "%", "/", "-", "–", "‒"})


@dataclass(frozen=True, slots=True)
class LossPhrase:
    start: int
    end: int
    quantity: Quantity | None
    """None when an article or "the" stands for one."""
    subject: Subject | None
    side: str | None = None
    own: bool = False
    """Marked "its"/"our" — the speaker's own people or equipment."""
    enemy: bool = False
    nominal: str | None = None
    """The category the head noun itself says ("deaths" -> killed)."""
    definite: bool = False
    """ "the flagship": one, when a verb before it says what befell it."""
    headline: bool = False
    """ "shot down Armenian Su-25 jet": one, in a headline's article-less style."""
    kin: bool = False
    """ "his father", "her mom": one of someone's family."""

    @property
    def bare(self) -> bool:
        return self.subject is None and self.nominal is None

    @property
    def increment(self) -> bool:
        return self.quantity is not None and self.quantity.increment


@dataclass(frozen=True, slots=True)
class NounHead:
    end: int
    subject: Subject | None
    side: str | None
    own: bool
    enemy: bool
    nominal: str | None


_HEDGES = frozenset({"possibly", "perhaps", "probably", "maybe", "likely"})
"""Words that make the noun after them a guess ("possibly a child")."""
_POSSESSIVES = frozenset({"his", "her", "my", "their", "our", "your"})
_KIN = frozenset({"father", "dad", "mother", "mum", "mom", "brother", "sister", "wife", "husband", "son", "daughter",
                  "grandfather", "grandmother"})
"""Relatives one has one of each: "his father" is one person."""


def find_loss_phrases(view: SentenceView) -> list[LossPhrase]:
    found: list[LossPhrase] = []
    i = 0
    while i < len(view):
        phrase = _phrase_at(view, i)
        if phrase is not None and view.word(i - 1) in _HEDGES:
            i = phrase.end  # "another person, possibly a child, is still missing": a guess, not the one lost
            continue
        if phrase is None:
            i += 1
            continue
        found.append(phrase)
        i = phrase.end
        shared = _sharing_the_count(view, phrase)
        if shared is not None:
            found.append(shared)
            i = shared.end
    return found


def _sharing_the_count(view: SentenceView, phrase: LossPhrase) -> LossPhrase | None:
    """ "several Azerbaijani aircraft and tanks": equipment joined to a counted kind, with no count of
    its own, shares its count and side. People so joined are one total ("dozens of Israelis and
    Palestinians"), not two."""
    if phrase.quantity is None or phrase.subject is None or phrase.subject.person or view.word(phrase.end) != "and":
        return None
    j = phrase.end + 1
    if parse_quantity(view.tokens, view.words, j, view.lex) is not None:
        return None
    head = _head(view, j, singular=False)
    if head is None or head.subject is None or head.subject.person:
        return None
    return LossPhrase(j, head.end, phrase.quantity, head.subject, head.side or phrase.side, phrase.own, phrase.enemy)


def _phrase_at(view: SentenceView, i: int) -> LossPhrase | None:
    lex = view.lex
    quantity = parse_quantity(view.tokens, view.words, i, lex)
    if quantity is None:
        if view.words[i] in ("a", "an"):
            head = _head(view, i + 1, singular=True)
            if head is not None and head.subject is not None:
                return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy)
        if view.words[i] == "the":
            return _definite(view, i)
        if view.words[i] in _POSSESSIVES and view.word(i + 1) in _KIN:
            head = _head(view, i + 1, singular=True)  # "his father is missing", "her mom went missing": one
            if head is not None and head.subject is not None:
                return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, kin=True)
        return _headline(view, i)
    j = quantity.end
    own = False
    if view.word(j) == "of":
        if view.tokens[j + 1 : j + 2] and view.tokens[j + 1].is_number:
            j += 2  # "30 of 35 missiles"
        elif view.word(j + 1) == "the" and view.tokens[j + 2 : j + 3] and view.tokens[j + 2].is_number:
            j += 3  # "29 of the 31 cruise missiles"
        elif view.word(j + 1) in ("its", "their", "our", "the", "his", "her", "them", "those"):
            own = view.word(j + 1) in _OWN
            j += 2 if view.word(j + 1) not in ("them", "those") else 2
    head = _head(view, j, singular=quantity.min == 1 and quantity.max == 1)
    if head is not None:
        return LossPhrase(i, head.end, quantity, head.subject, head.side, own or head.own, head.enemy, head.nominal)
    if view.word(j) == "others":  # "wounded two others": whoever was named before
        return LossPhrase(i, j + 1, quantity, None)
    if _is_bare_count(view, quantity):
        return LossPhrase(i, quantity.end, quantity, None)
    return None


def _is_bare_count(view: SentenceView, quantity: Quantity) -> bool:
    """A number standing alone for people ("killing 12", "97 wounded")? Not a year or a measure."""
    after = view.word(quantity.end)
    if after in view.lex.unit_words or after in _BARE_STOPS or after == "of":
        return False
    value = quantity.exact_value
    if value is not None and 1900 <= value <= 2100 and view.tokens[quantity.start].text.isdigit():
        return False
    if view.words[quantity.start] == "one" and quantity.end == quantity.start + 1:
        return False  # "one that hit a hospital" is a pronoun
    before = view.word(quantity.start - 1)
    if before in ("no", "number", "$", "€", "£", "page", "article", "resolution", "(", "+"):
        return False
    return not (_counts_things(view, quantity.end) or _is_age(view, quantity))


def _counts_things(view: SentenceView, k: int) -> bool:
    """ "15,000 UK jobs", "six long years": a number of something that is not a loss."""
    while True:
        actor = actor_at(view, k)
        if actor is not None:
            k = actor.end
        elif view.word(k) in view.lex.measure_adjectives:
            k += 1
        else:
            return view.word(k) in view.lex.unit_words


def _is_age(view: SentenceView, quantity: Quantity) -> bool:
    """ "Rabbi Mordechai Leifer, 64, who died", "two children aged five and eight"."""
    start = quantity.start
    if view.word(start - 1) == "," and view.word(quantity.end) == "," and start >= 2 and view.tokens[start - 2].capitalized:
        return True
    while start > 0:
        if view.lex.age_markers.match_ending(view.words, start) is not None:
            return True
        previous = start - 2  # "aged five and eight": the ages listed before this one
        if view.word(start - 1) not in ("and", "or", "to") or previous < 0 or not _is_number_word(view, previous):
            return False
        start = previous
    return False


def _is_number_word(view: SentenceView, k: int) -> bool:
    return view.tokens[k].is_number or view.words[k] in view.lex.units or view.words[k] in view.lex.tens


def head_at(view: SentenceView, j: int) -> NounHead | None:
    """A loss noun without a number at `j` ("Israelis", "Ukrainian civilians", "servicemen killed")."""
    return _head(view, j, singular=False)


def _head(view: SentenceView, j: int, singular: bool) -> NounHead | None:
    lex = view.lex
    side = None
    own = enemy = False
    modifier_subject = modifier_category = None
    k = j
    while k < len(view) and k - j <= _MAX_MODIFIERS:
        word = view.words[k]
        subject = view.match(lex.subjects, k)
        if subject is not None and view.match(lex.subjects, subject.end) is not None:
            k = subject.end  # "military boats", "civilian vehicles": the last noun is the head
            continue
        if word in lex.demonyms and not view.match(lex.subjects, k + 1):
            actor = actor_at(view, k)
            if view.word(k + 1) == "and" and view.word(k + 2) in lex.demonyms and not view.match(lex.subjects, k + 3):
                return NounHead(k + 3, Subject("person", True, True), None, own, enemy, None)  # "Israelis and Palestinians"
            return NounHead(k + 1, Subject("person", True, True), actor.value if actor else None, own, enemy, None)
        if subject is not None and not (singular and subject.value.plural and subject.value.name not in ("aircraft", "personnel")):
            nominal = view.match(lex.nominal, subject.end)  # "soldier deaths", "civilian casualties"
            end = nominal.end if nominal else _and_other(view, subject.end)
            end, side2, enemy2 = _of_side(view, end)
            category = nominal.value if nominal else modifier_category
            return NounHead(end, subject.value, side or side2, own, enemy or enemy2, category)
        model = lex.model_subject(word)
        if model is not None and view.word(k + 1) in _MODEL_GENERICS:
            end = k + 1
            while view.word(end) in _MODEL_GENERICS and end - k <= 3:
                end += 1  # "S-300 missile systems" are S-300s
            plural = view.word(end - 1).endswith("s")
            return NounHead(end, Subject(model.name, plural, False), side, own, enemy, None)
        if model is not None:
            following = view.match(lex.subjects, k + 1)
            if (following is None or following.value.person) and lex.model_subject(view.word(k + 1)) is None:
                end, side2, enemy2 = _of_side(view, following.end if following else k + 1)  # "a Su-35 fighter"
                return NounHead(end, model, side or side2, own, enemy or enemy2, None)
        nominal = view.match(lex.nominal, k)
        if nominal is not None and view.match(lex.subjects, nominal.end):
            modifier_category = nominal.value  # "40 missing residents", "five wounded soldiers"
            k = nominal.end
            continue
        if nominal is not None and not _is_modifier_use(view, nominal.end):
            subject_name = modifier_subject
            end, side2, enemy2 = _of_side(view, nominal.end)
            person = Subject(subject_name, True, True) if subject_name else None
            return NounHead(end, person, side or side2, own, enemy or enemy2, nominal.value)
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            side = side or actor.value
            k = actor.end
            continue
        if word in lex.subject_modifiers:
            modifier_subject = lex.subject_modifiers[word] or modifier_subject
        elif word in _OWN:
            own = True
        elif word in ("enemy", "hostile", "enemy's"):
            enemy = True
        elif not (word in lex.noun_modifiers or model is not None or _is_name_like(view, k) or "-" in word):
            return None
        k += 1
    return None


def _and_other(view: SentenceView, end: int) -> int:
    """ "tanks and other armoured combat vehicles": one count for both."""
    if view.words[end : end + 2] in (["and", "other"], ["or", "other"]):
        for k in range(end + 2, min(end + 6, len(view))):
            found = view.match(view.lex.subjects, k)
            if found is not None:
                return found.end
    return end


def _is_modifier_use(view: SentenceView, end: int) -> bool:
    """ "wounded soldiers": a participle before a noun is an adjective, not the loss itself."""
    return view.match(view.lex.subjects, end) is not None


def _is_name_like(view: SentenceView, k: int) -> bool:
    token = view.tokens[k]
    return (token.capitalized and k > 0 and not view.is_punct(k)) or ("-" in token.low and any(c.isdigit() for c in token.low))


def _of_side(view: SentenceView, end: int) -> tuple[int, str | None, bool]:
    """ "... of the enemy", "... of Russia's Black Sea fleet", "... of the Russian army"."""
    start = end + 1
    if view.word(end) in ("launched", "fired", "operated", "belonging", "used") and view.word(end + 1) in ("by", "to"):
        start = end + 2
    elif view.word(end) != "of":
        return end, None, False
    for k in range(start, min(start + 3, len(view))):
        if view.words[k] in ("enemy", "occupiers", "invaders", "enemy's"):
            return k + 1, None, True
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            return actor.end, actor.value, False
        if view.words[k] not in ("the", "a", "its", "armed", "forces", "army", "russian", "ukrainian"):
            break
    return end, None, False


def _headline(view: SentenceView, i: int) -> LossPhrase | None:
    """ "Armenian Su-25 jet", "Russian warship": a singular noun with its side and no article."""
    actor = actor_at(view, i)
    if actor is None or not is_side(actor.value) or view.word(i - 1) in ("a", "an", "the", "of", "its", "their", "his", "her", "our"):
        return None
    head = _head(view, i, singular=True)
    if head is None or head.subject is None or head.subject.plural:
        return None
    return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, head.nominal, headline=True)


def _definite(view: SentenceView, i: int) -> LossPhrase | None:
    """ "the flagship", "the Moskva, the flagship of ...": one piece of equipment."""
    head = _head(view, i + 1, singular=True)
    if head is not None and head.subject is not None and not head.subject.person and not head.subject.plural:
        return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, definite=True)
    k = i + 1
    while k < len(view) and view.tokens[k].capitalized and k - i <= 3:
        k += 1
    if k > i + 1 and view.word(k) == "," and view.word(k + 1) in ("the", "a", "an", "its"):
        head = _head(view, k + 2, singular=True)
        if head is not None and head.subject is not None and not head.subject.person and not head.subject.plural:
            return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, definite=True)
    return None
