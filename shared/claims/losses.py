"""Noun phrases that can be losses: "four Azerbaijani helicopters", "40 more military deaths",
"a BM-21 Grad rocket launcher", "the Moskva, the flagship of Russia's Black Sea fleet", "97"."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at, is_side
from .lexicon import Subject
from .noun_heads import OWN, noun_head
from .numbers import Quantity, parse_quantity
from .view import SentenceView

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
    head = noun_head(view, j, singular=False)
    if head is None or head.subject is None or head.subject.person:
        return None
    return LossPhrase(j, head.end, phrase.quantity, head.subject, head.side or phrase.side, phrase.own, phrase.enemy)


def _phrase_at(view: SentenceView, i: int) -> LossPhrase | None:
    lex = view.lex
    quantity = parse_quantity(view.tokens, view.words, i, lex)
    if quantity is None:
        if view.words[i] in ("a", "an"):
            head = noun_head(view, i + 1, singular=True)
            if head is not None and head.subject is not None:
                return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy)
        if view.words[i] == "the":
            return _definite(view, i)
        if view.words[i] in _POSSESSIVES and view.word(i + 1) in _KIN:
            head = noun_head(view, i + 1, singular=True)  # "his father is missing", "her mom went missing": one
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
            own = view.word(j + 1) in OWN
            j += 2 if view.word(j + 1) not in ("them", "those") else 2
    head = noun_head(view, j, singular=quantity.min == 1 and quantity.max == 1)
    if head is not None and head.subject is None and (_is_year(view, quantity) or _is_day(view, quantity)):
        return None  # "a raid in 1945 killed 12 sailors", "a strike on September 4 killed": when, not how many
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
    if _is_year(view, quantity):
        return False
    if view.words[quantity.start] == "one" and quantity.end == quantity.start + 1:
        return False  # "one that hit a hospital" is a pronoun
    before = view.word(quantity.start - 1)
    if before in ("no", "number", "$", "€", "£", "page", "article", "resolution", "(", "+"):
        return False
    return not (_counts_things(view, quantity.end) or _is_age(view, quantity))


def _is_year(view: SentenceView, quantity: Quantity) -> bool:
    """A number from 1900 to 2100 written as bare figures: "1945", not "1,945"."""
    value = quantity.exact_value
    return value is not None and 1900 <= value <= 2100 and view.tokens[quantity.start].text.isdigit()


def _is_day(view: SentenceView, quantity: Quantity) -> bool:
    """The day after a month's name: "September 4"."""
    before = quantity.start - 1
    return before >= 0 and view.tokens[before].capitalized and view.words[before] in view.lex.months


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


def _headline(view: SentenceView, i: int) -> LossPhrase | None:
    """ "Armenian Su-25 jet", "Russian warship": a singular noun with its side and no article."""
    actor = actor_at(view, i)
    if actor is None or not is_side(actor.value) or view.word(i - 1) in ("a", "an", "the", "of", "its", "their", "his", "her", "our"):
        return None
    head = noun_head(view, i, singular=True)
    if head is None or head.subject is None or head.subject.plural:
        return None
    return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, head.nominal, headline=True)


def _definite(view: SentenceView, i: int) -> LossPhrase | None:
    """ "the flagship", "the Moskva, the flagship of ...": one piece of equipment."""
    head = noun_head(view, i + 1, singular=True)
    if head is not None and head.subject is not None and not head.subject.person and not head.subject.plural:
        return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, definite=True)
    k = i + 1
    while k < len(view) and view.tokens[k].capitalized and k - i <= 3:
        k += 1
    if k > i + 1 and view.word(k) == "," and view.word(k + 1) in ("the", "a", "an", "its"):
        head = noun_head(view, k + 2, singular=True)
        if head is not None and head.subject is not None and not head.subject.person and not head.subject.plural:
            return LossPhrase(i, head.end, None, head.subject, head.side, head.own, head.enemy, definite=True)
    return None
