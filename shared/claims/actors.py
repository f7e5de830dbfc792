"""Who is who: countries and armed groups named in a sentence, and who fights whom."""

from __future__ import annotations

from .phrases import Match
from .view import SentenceView

# Sides of the wars the monitor follows; an "enemy" is the other side of its speaker's pair.
CONFLICTS = (
    ("Armenia", "Azerbaijan"),
    ("Nagorno-Karabakh", "Azerbaijan"),
    ("Russia", "Ukraine"),
    ("Israel", "Hamas"),
    ("Israel", "Palestine"),
    ("Israel", "Hezbollah"),
    ("Israel", "Lebanon"),
    ("Israel", "Islamic Jihad"),
    ("Israel", "Iran"),
    ("Israel", "Houthis"),
    ("Sudan", "Rapid Support Forces"),
    ("Ethiopia", "Tigray"),
    ("DR Congo", "M23"),
    ("India", "Pakistan"),
    ("Kyrgyzstan", "Tajikistan"),
)
_NOT_SIDES = frozenset({"United Nations", "European Union", "NATO", "Vatican"})


def opponent(actor: str | None) -> str | None:
    """The other side of the actor's war, when it has exactly one."""
    found = {b if a == actor else a for a, b in CONFLICTS if actor in (a, b)}
    return found.pop() if len(found) == 1 else None


def is_party(actor: str | None) -> bool:
    """Fights in one of the wars the monitor follows."""
    return any(actor in pair for pair in CONFLICTS)


def at_war(first: str, second: str) -> bool:
    return (first, second) in CONFLICTS or (second, first) in CONFLICTS


def actor_at(view: SentenceView, i: int, speakers: bool = False) -> Match[str] | None:
    """The actor named at token `i` ("Azerbaijani", "Russia's", with `speakers` also "Kremlin")."""
    found = view.match(view.lex.actors, i)
    if speakers:
        spoken = view.match(view.lex.speakers, i)
        if spoken is not None and (found is None or spoken.end > found.end):
            found = spoken
    if found is None:
        return None
    if found.end - found.start == 1 and view.tokens[i].text.upper() in view.lex.case_sensitive:
        if view.tokens[i].text != view.tokens[i].text.upper():
            return None
    return found


def actors_in(view: SentenceView, start: int, end: int, speakers: bool = False) -> list[Match[str]]:
    found: list[Match[str]] = []
    i = start
    while i < end:
        match = actor_at(view, i, speakers)
        if match is not None:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def is_side(actor: str) -> bool:
    return actor not in _NOT_SIDES
