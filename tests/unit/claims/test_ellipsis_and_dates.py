"""A day of a month is never a count, and a bare count after "and" is the earlier loss's kind
(sentences of demo/corpus/written, in the style the ministries publish)."""

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
