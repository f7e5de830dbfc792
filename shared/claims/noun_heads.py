"""The noun at the head of a loss phrase, with what modifies it: "Azerbaijani helicopters",
"military deaths", "S-300 missile systems", "the flagship of Russia's Black Sea fleet"."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at, is_side
from .lexicon import Subject
from .view import SentenceView

_MAX_MODIFIERS = 5
_MODEL_GENERICS = frozenset({"missile", "missiles", "system", "systems", "complex", "complexes", "launcher", "launchers", "rocket", "air", "defence", "defense", "anti-aircraft", "surface-to-air"})
OWN = frozenset({"its", "our", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class NounHead:
    end: int
    subject: Subject | None
    side: str | None
    own: bool
    enemy: bool
    nominal: str | None


def head_at(view: SentenceView, j: int) -> NounHead | None:
    """A loss noun without a number at `j` ("Israelis", "Ukrainian civilians", "servicemen killed")."""
    return noun_head(view, j, singular=False)


def noun_head(view: SentenceView, j: int, singular: bool) -> NounHead | None:
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
        elif word in OWN:
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
