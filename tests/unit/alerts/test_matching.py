import pytest

from services.alerts.matching import matches
from shared.events.claims import CountRange
from shared.events.subscriptions import SubscriptionFilters
from tools.observations import observation

CEASEFIRE = dict(kind="ceasefire", category="call", subject=None, count=None, side=None,
                 claimant="Germany and France", parties=["Armenia", "Azerbaijan"])


def test_by_default_new_and_updated_claims_match_and_repeats_and_history_do_not():
    everything = SubscriptionFilters()
    assert matches(everything, observation("new"))
    assert matches(everything, observation("updated"))
    assert not matches(everything, observation("corroborated"))
    assert not matches(everything, observation("historical"))
    assert matches(SubscriptionFilters(novelty=["corroborated"]), observation("corroborated"))


@pytest.mark.parametrize(
    "filters,expected",
    [
        (dict(kinds=["casualty"]), True),
        (dict(kinds=["ceasefire"]), False),
        (dict(categories=["DOWNED", "killed"]), True),
        (dict(categories=["killed"]), False),
        (dict(subjects=["helicopter"]), True),
        (dict(subjects=["tank"]), False),
        (dict(sides=["azerbaijan"]), True),
        (dict(sides=["Armenia"]), False),
        (dict(claimants=["Nagorno-Karabakh"]), True),
        (dict(claimants=["Azerbaijan's Defence Ministry"]), False),
        (dict(official_only=True), False),
        (dict(countries=["fr"]), True),
        (dict(countries=["AM"]), False),
        (dict(languages=["en"]), True),
        (dict(languages=["ru"]), False),
        (dict(keywords=["shot down"]), True),
        (dict(keywords=["Karabakh"]), True),
        (dict(keywords=["shot"]), True),
        (dict(keywords=["sho"]), False),
        (dict(min_count=4), True),
        (dict(min_count=5), False),
        (dict(kinds=["casualty"], subjects=["helicopter"], min_count=2, sides=["Azerbaijan"]), True),
        (dict(kinds=["casualty"], subjects=["helicopter"], min_count=5), False),
    ],
)
def test_each_filter_on_a_casualty_claim(filters, expected):
    assert matches(SubscriptionFilters(**filters), observation()) is expected


def test_official_only_and_language_subtags():
    official = observation(evidence={"source_official": True, "language": "en-GB"})
    assert matches(SubscriptionFilters(official_only=True, languages=["en"]), official)


def test_casualty_only_filters_do_not_exclude_ceasefires_and_parties_judge_ceasefires():
    ceasefire = observation(**CEASEFIRE)
    casualty_and_calls = SubscriptionFilters(kinds=["casualty", "ceasefire"], subjects=["tank"], min_count=10,
                                             sides=["Armenia"])
    assert matches(casualty_and_calls, ceasefire)
    assert matches(SubscriptionFilters(parties=["Armenia"]), ceasefire)
    assert not matches(SubscriptionFilters(parties=["Russia"]), ceasefire)
    assert matches(SubscriptionFilters(parties=["Russia"]), observation())


def test_a_claim_without_a_number_does_not_reach_a_minimum_count():
    assert not matches(SubscriptionFilters(min_count=1), observation(category="casualties", count=None))
    assert matches(SubscriptionFilters(min_count=200), observation(count=CountRange(min=200, max=None)))
    assert matches(SubscriptionFilters(min_count=1000), observation(count=CountRange(min=None, max=1300)))


def test_novelty_filter_cannot_be_empty():
    with pytest.raises(ValueError):
        SubscriptionFilters(novelty=[])


def test_by_default_only_armed_conflict_claims_match():
    default = SubscriptionFilters()
    assert matches(default, observation(context="armed_conflict"))
    for other in ("disease", "accident_disaster", "crime", "terrorism", "unrest", "other"):
        assert not matches(default, observation(context=other)), other
    assert matches(default, observation(context=None)), "a claim read before contexts were recorded"
    wider = SubscriptionFilters(contexts=["armed_conflict", "terrorism", "unrest"])
    assert matches(wider, observation(context="terrorism")) and not matches(wider, observation(context="disease"))
    assert matches(SubscriptionFilters(contexts=[]), observation(context="disease")), "an empty list means any"


def test_conflicts_and_claimant_parties_match_exactly_ignoring_case():
    claim = observation(context="armed_conflict", conflict="russia-ukraine", claimant_party="Ukraine")
    assert matches(SubscriptionFilters(conflicts=["Russia-Ukraine"]), claim)
    assert not matches(SubscriptionFilters(conflicts=["armenia-azerbaijan"]), claim)
    assert matches(SubscriptionFilters(claimant_parties=["ukraine"]), claim)
    assert not matches(SubscriptionFilters(claimant_parties=["Russia"]), claim)
    assert not matches(SubscriptionFilters(claimant_parties=["Ukr"]), claim), "a party is a name, not a substring"
    assert not matches(SubscriptionFilters(conflicts=["russia-ukraine"]), observation(context="armed_conflict"))
