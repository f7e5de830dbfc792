"""Bodies of people with no number are their deaths, a claim with no count: "civilians' bodies have
been found", "civilian bodies strewn across the street", "Dead civilians on the street". A number
before them is read where losses are counted ("the bodies of 1,500 militants")."""

from __future__ import annotations

from .view import SentenceView

_BODIES = "bodies"
_ANYONE = "person"
_POSSESSIVE_MARKS = frozenset({"'", "’", "'s", "’s"})


def remains(view: SentenceView) -> list[tuple[str, int, int]]:
    """(subject, start, end) of each uncounted mention of dead people."""
    found: list[tuple[str, int, int]] = []
    words = view.words
    for k, word in enumerate(words):
        if word == _BODIES and not _counted(view, k):
            subject = _owner_before(view, k)
            if subject is None and view.word(k + 1) == "of":
                people = _people_at(view, k + 2)
                if people is not None:
                    found.append((people[0], k, people[1]))
                continue
            if subject is not None:
                found.append((subject[0], subject[1], k + 1))
        elif word == "dead" and not _counted(view, k):
            people = _people_at(view, k + 1)
            if people is not None:
                found.append((people[0], k, people[1]))
    return found


def _counted(view: SentenceView, k: int) -> bool:
    if k > 0 and view.tokens[k - 1].is_number:
        return True
    for j in range(max(0, k - 3), k):  # "dozens of bodies"
        vague = view.lex.vague.match(view.words, j)
        if vague is not None and vague.end == k:
            return True
    return False


def _owner_before(view: SentenceView, k: int) -> tuple[str, int] | None:
    """ "civilians' bodies", "civilian bodies": whose bodies, and where that starts."""
    j = k - 1
    if view.word(j) in _POSSESSIVE_MARKS:
        j -= 1
    if j < 0:
        return None
    modifier = view.lex.subject_modifiers.get(view.words[j])
    if modifier is not None and modifier != _ANYONE:
        return modifier, j
    people = _people_at(view, j)
    return (people[0], j) if people is not None and people[1] == j + 1 else None


def _people_at(view: SentenceView, i: int) -> tuple[str, int] | None:
    """A plural noun of a named kind of people at `i` (civilians, soldiers, children — not just
    "people" or "bodies", which a figure of speech piles up: "a mountain of dead bodies"), with no
    number: its subject and end."""
    if i >= len(view) or view.tokens[i].is_number:
        return None
    match = view.match(view.lex.subjects, i)
    if match is None or not match.value.person or not match.value.plural or match.value.name == _ANYONE:
        return None
    return match.value.name, match.end
