"""One claim per fact in an item: the headline and the body saying the same claim make one
claim, with the attribution the body gives."""

from __future__ import annotations

from datetime import date

from services.alerts.item_claims import one_per_fact
from shared.claims.extract import extract_claims

DAY = date(2020, 10, 7)


def test_headline_and_body_stating_one_claim_are_one_claim_with_the_named_speaker() -> None:
    text = ("Five Armenian tanks destroyed\n\n"
            "Azerbaijan's defence ministry said on Monday that its forces had destroyed five Armenian tanks.")
    found = extract_claims(text, DAY)
    assert len(found) == 2
    [claim] = one_per_fact(found)
    assert (claim.subject, claim.count.min, claim.claimant, claim.side) == ("tank", 5, "Azerbaijan", "Armenia")


def test_the_same_claim_twice_in_russian_is_one_claim_of_the_ministry() -> None:
    text = ("Российские силы ПВО сбили 82 беспилотника ВСУ.\n\n"
            "Силы ПВО сбили 82 беспилотника ВСУ самолетного типа, сообщило Минобороны России.")
    found = extract_claims(text, date(2025, 9, 15), language="ru")
    [claim] = one_per_fact(found)
    assert (claim.count.min, claim.claimant, claim.claimant_party, claim.side) == (
        82, "Ministry of Defence of Russia", "Russia", "Ukraine")


def test_different_counts_and_speakers_of_different_parties_stay_apart() -> None:
    text = ("Armenia said 20 Azerbaijani tanks were destroyed. Azerbaijan said 20 Azerbaijani tanks were destroyed. "
            "Armenia said 30 Azerbaijani tanks were destroyed.")
    assert len(one_per_fact(extract_claims(text, DAY))) == 3
