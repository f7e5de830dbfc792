"""How ministries phrase things (sentences of demo/corpus/written, in their style): a day of a
month is never a count, a bare count after "and" is the earlier loss's kind, and a ceasefire the
other side is called on to observe is a call, not a report that it holds."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.extract import extract_claims

GENERAL_STAFF = "General Staff of the Armed Forces of Ukraine"


@pytest.mark.parametrize("text", [
    "Total combat losses of the enemy as of 21 August",
    "Losses of the enemy as of August 5, 2023",
])
def test_a_day_of_a_month_after_losses_is_not_a_toll(text: str) -> None:
    assert extract_claims(text, date(2026, 8, 21), GENERAL_STAFF, "en") == []


def test_a_toll_beside_a_weekday_keeps_its_number() -> None:
    [claim] = extract_claims("The death toll rose to 21 on Monday.", date(2026, 8, 21), None, "en")
    assert (claim.category, claim.count.min) == ("killed", 21)


def test_a_bare_count_after_and_takes_the_earlier_losses_side() -> None:
    text = "Two Armenian servicemen were killed and five were wounded by enemy artillery fire in the Syunik region."
    claims = extract_claims(text, date(2026, 8, 21), "Ministry of Defence of Armenia", "en")
    assert [(c.category, c.subject, c.count.min, c.side) for c in claims] == [
        ("killed", "soldier", 2, "Armenia"), ("wounded", "soldier", 5, "Armenia")]


@pytest.mark.parametrize("text", [
    "The Ministry of Defence calls on the Azerbaijani side to strictly observe the ceasefire and to refrain from provocations.",
    "Armenia urged Azerbaijan to fully respect the ceasefire.",
])
def test_a_ceasefire_to_be_observed_is_a_call_even_with_an_adverb(text: str) -> None:
    claims = extract_claims(text, date(2026, 8, 21), "Ministry of Defence of Armenia", "en")
    assert [(c.kind, c.category) for c in claims] == [("ceasefire", "call")]
