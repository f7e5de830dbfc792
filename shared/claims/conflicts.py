"""Which of the wars the monitor follows a set of named parties points to.

    conflict_of({"Azerbaijan", "Armenia"}) == "armenia-azerbaijan"   (both sides named)
    conflict_of({"Hamas"}) == "israel-hamas"                          (a party of one war)
    conflict_of({"Israel"}) is None                                   (Israel fights several)
    conflict_of({"Israel", "Palestine", "Hamas"}) == "israel-hamas"   (the armed group's war)

The conflicts are the pairs of `actors.CONFLICTS`, named as the registry of conflicts names them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .actors import CONFLICTS
from .lexicon import load
from .lexicon.context_cues import CONFLICT_PLACES
from .phrases import PhraseTable
from .tokens import tokenize

_IDS = {
    ("Nagorno-Karabakh", "Azerbaijan"): "armenia-azerbaijan",
    ("Sudan", "Rapid Support Forces"): "sudan",
    ("Ethiopia", "Tigray"): "ethiopia-tigray",
    ("DR Congo", "M23"): "drc-m23",
    ("Israel", "Houthis"): "israel-houthis",
}
ARMED_GROUPS = frozenset({"Hamas", "Hezbollah", "Islamic Jihad", "Houthis", "Rapid Support Forces", "M23", "Tigray",
                          "Nagorno-Karabakh"})
"""Belligerents that are a war on their own: naming one is evidence of it, unlike naming a state."""


def conflict_id(pair: tuple[str, str]) -> str:
    return _IDS.get(pair) or "-".join(name.lower().replace(" ", "-") for name in pair)


CONFLICT_IDS = frozenset(conflict_id(pair) for pair in CONFLICTS)


def conflict_of(parties: Iterable[str]) -> str | None:
    """The one conflict whose both sides are named, else the one every named belligerent shares."""
    named = set(parties)
    both = {conflict_id(pair) for pair in CONFLICTS if set(pair) <= named}
    if len(both) > 1:  # "Israelis and Palestinians … after Hamas attack": the armed group's war
        both = {conflict_id(pair) for pair in CONFLICTS if set(pair) <= named and set(pair) & ARMED_GROUPS} or both
    if len(both) == 1:
        return both.pop()
    if both:
        return None
    single = {conflict_id(pair) for party in named for pair in _pairs_of(party) if len(_pairs_of(party)) == 1}
    return single.pop() if len(single) == 1 else None


def war_between(parties: Iterable[str]) -> bool:
    """Both sides of a war are named, or an armed group that is one."""
    named = set(parties)
    return bool(named & ARMED_GROUPS) or any(set(pair) <= named for pair in CONFLICTS)


def _pairs_of(party: str) -> list[tuple[str, str]]:
    return [pair for pair in CONFLICTS if party in pair]


def named_parties(text: str) -> frozenset[str]:
    """Countries, armed groups and the places of a war named in `text` (in any followed war)."""
    lex = load("en")
    tokens = tokenize(text)
    words = [token.low for token in tokens]
    found: set[str] = set()
    for i, token in enumerate(tokens):
        for table in (lex.actors, lex.speakers, _places()):
            match = table.match(words, i)
            if match is None:
                continue
            if match.end - match.start == 1 and token.text.upper() in lex.case_sensitive and token.text != token.text.upper():
                continue
            found.add(match.value)
    return frozenset(found)


def place_sides(text: str) -> frozenset[str]:
    """The sides whose ground the places of a war named in `text` are ("Ganja" → Azerbaijan). A place
    that only locates another ("100km north of the Karabakh capital, Stepanakert") is not counted:
    the text stops naming where things happened at the first "north of", "south of" …"""
    words = [token.low for token in tokenize(text)]
    landmark = next((i for i in range(1, len(words)) if words[i] == "of" and words[i - 1] in _DIRECTIONS), len(words))
    table = _places()
    found = (table.match(words, i) for i in range(landmark))
    return frozenset(match.value for match in found if match is not None)


_DIRECTIONS = frozenset({"north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
                         "northeast", "northwest", "southeast", "southwest"})


@cache
def _places() -> PhraseTable[str]:
    return PhraseTable.of(CONFLICT_PLACES)
