"""People lost with no number, bodies found, a relative killed, and whose people an attacker's
victims are. Texts with an id are from the development part of the general-news set
(`tests/data/feeds/general/`); the others are written for the rule."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.extract import extract_claims

PUBLISHED = date(2023, 10, 9)


def claims(text: str) -> list[tuple]:
    return [(c.category, c.subject, c.count.min if c.count else None, c.count.max if c.count else None, c.side)
            for c in extract_claims(text, PUBLISHED)]


@pytest.mark.parametrize(("text", "expected"), [
    # nbc-2023-10-09-014
    ("Other family members, including Shiri's husband and parents, were also kidnapped.",
     [("captured", "person", 3, None, None)]),
    ("Civilians were killed in the Russian strike on Kharkiv.", [("killed", "civilian", None, None, "Ukraine")]),
    ("Ukrainian soldiers have been wounded in shelling, the ministry said.",
     [("wounded", "soldier", None, None, "Ukraine")]),
    ("Palestinians killed in Israeli strikes on Gaza", [("killed", "person", None, None, "Palestine")]),
])
def test_people_lost_without_a_number_are_a_claim_with_no_count(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "Soldiers are killed every day on that front.",  # a habit, not an event
    "Many civilians could be killed if the dam breaks.",
    "Civilians who were killed in 1944 are remembered here.",
])
def test_a_plural_without_a_number_that_states_no_event_is_no_claim(text):
    assert [c for c in extract_claims(text, PUBLISHED) if not c.historical] == []


@pytest.mark.parametrize(("text", "expected"), [
    # bbc-2023-10-09-019
    ("More than 260 bodies have reportedly been recovered from the festival in the desert in southern Israel.",
     [("killed", "person", 260, None, None)]),
    ("Rescuers recovered 12 bodies from the rubble.", [("killed", "person", 12, 12, None)]),
])
def test_bodies_found_are_that_many_dead(text, expected):
    assert claims(text) == expected


def test_people_found_are_not_dead():
    assert claims("Twelve people were found alive under the rubble.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("His daughter was killed by Hamas gunmen.", [("killed", "person", 1, 1, "Israel")]),
    ("Her father was shot dead at a checkpoint.", [("killed", "person", 1, 1, None)]),
])
def test_a_relative_killed_is_one_dead(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "The death of his grandmother shocked the town.",
    "His father died in hospital last week.",
])
def test_a_relatives_death_with_no_cause_is_no_casualty(text):
    assert claims(text) == []


@pytest.mark.parametrize(("text", "side"), [
    ("Hamas gunmen kidnapped two children.", "Israel"),
    ("Russian troops killed two children in the village.", "Ukraine"),
    # sky-2023-10-09-014
    ("Israel's Supernova festival descended into chaos after Hamas gunmen stormed the desert event, killing hundreds "
     "of partygoers and kidnapping others in one of the militant group's deadliest attacks.", "Israel"),
])
def test_people_an_attacker_harms_are_of_its_adversary(text, side):
    assert [found[-1] for found in claims(text)][:1] == [side]


def test_a_side_named_as_the_target_is_not_the_attacker():
    assert claims("A strike on Ukrainian positions killed two soldiers.") == [("killed", "soldier", 2, 2, None)]
