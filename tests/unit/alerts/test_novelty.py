from dataclasses import replace
from datetime import date

from services.alerts.novelty import Novelty, PriorClaim, alerts_by_default, decide_novelty, identity_key, series_key
from shared.claims.extract import extract_claims
from shared.claims.model import Count

DAY = date(2020, 10, 7)


def claims(text: str, published: date = DAY, claimant: str | None = None):
    return extract_claims(text, published, claimant)


def test_same_statement_in_other_words_has_one_identity() -> None:
    [reuters] = claims("Azerbaijan's Defence Ministry said it had destroyed five Armenian tanks.")
    [afp] = claims("Five Armenian tanks were destroyed, according to the Azerbaijani defence ministry.")
    assert identity_key(reuters) == identity_key(afp)


def test_a_revised_count_is_the_same_series_not_the_same_identity() -> None:
    [before] = claims("The death toll rose to 320, Armenia's defence ministry said.")
    [after] = claims("The death toll rose to 480, Armenia's defence ministry said.")
    assert series_key(before) == series_key(after)
    assert identity_key(before) != identity_key(after)
    novelty = decide_novelty(after, [], [PriorClaim("c1", "feed-a", before.count)])
    assert (novelty.kind, novelty.refers_to) == ("updated", "c1")
    assert alerts_by_default(novelty)


def test_increment_and_total_are_different_series() -> None:
    increment, total = claims("The Nagorno-Karabakh defence ministry reported 40 more military deaths, raising its total to 320.")
    assert (increment.basis, total.basis) == ("increment", "total")
    assert series_key(increment) != series_key(total)


def test_other_claimant_is_another_series() -> None:
    [armenian] = claims("Armenia said 20 Azerbaijani tanks were destroyed.")
    [karabakh] = claims("Nagorno-Karabakh said 20 Azerbaijani tanks were destroyed.")
    assert series_key(armenian) != series_key(karabakh)


def test_corroborated_by_another_source_and_repeated_by_the_same() -> None:
    [claim] = claims("Six Azerbaijani soldiers were killed, Baku said.")
    prior = [PriorClaim("c1", "feed-a", claim.count)]
    other = decide_novelty(claim, prior, prior, source="feed-b")
    same = decide_novelty(claim, prior, prior, source="feed-a")
    assert (other.kind, other.refers_to, other.repeat) == ("corroborated", "c1", False)
    assert (same.kind, same.refers_to, same.repeat) == ("corroborated", "c1", True)
    assert not alerts_by_default(other) and not alerts_by_default(same)


def test_new_and_historical() -> None:
    [news] = claims("Six Azerbaijani soldiers were killed, Baku said.")
    assert decide_novelty(news, [], []).kind == "new"
    [past] = claims("In 2016, more than 200 people were killed.")
    novelty = decide_novelty(past, [], [PriorClaim("c9", "feed-a", Count(100, None))])
    assert novelty.kind == "historical" and not alerts_by_default(novelty)


def test_same_count_on_another_day_is_news_not_an_update() -> None:
    [monday] = claims("Five soldiers were killed, the ministry said.", date(2020, 10, 5))
    [tuesday] = claims("Five soldiers were killed, the ministry said.", date(2020, 10, 6))
    assert identity_key(monday) == identity_key(tuesday)  # repeated without a date: one claim
    [six] = claims("Six soldiers were killed, the ministry said.", date(2020, 10, 6))
    assert series_key(six) != series_key(monday)  # an event count belongs to its day


def test_keys_are_stable_strings() -> None:
    [claim] = claims("Six Azerbaijani soldiers were killed, Baku said.")
    assert identity_key(claim) == identity_key(claims("Six Azerbaijani soldiers were killed, Baku said.")[0])
    assert len(identity_key(claim)) == 32 and identity_key(claim) != series_key(claim)


def test_a_new_days_total_of_the_ministry_updates_the_days_before_and_its_increment_is_news() -> None:
    from tools.claims_tallies import pages, read_page

    first, second = [page for page in pages() if page["date"] in ("2022-06-01", "2022-06-02")]
    tanks = lambda page, basis: next(c for c in read_page(page) if c.subject == "tank" and c.basis == basis)  # noqa: E731
    before, after = tanks(first, "total"), tanks(second, "total")
    assert (before.claimant_party, before.side) == ("Ukraine", "Russia")
    assert series_key(before) == series_key(after) and identity_key(before) != identity_key(after)
    novelty = decide_novelty(after, [], [PriorClaim("c-june-1", "mod-ua", before.count)], source="mod-ua")
    assert (novelty.kind, novelty.refers_to) == ("updated", "c-june-1")
    increment_before, increment_after = tanks(first, "increment"), tanks(second, "increment")
    assert series_key(increment_before) != series_key(increment_after)
    assert decide_novelty(increment_after, [], []).kind == "new"


# Keys are stored with every observed claim (events and the claims table): a release that computed
# them otherwise would make every claim seen before it look unrelated to the same claim seen after.
STORED_KEYS = [
    (
        "Six Azerbaijani soldiers were killed.",
        "Ministry of Defence of Armenia",
        [("5e8f45fb87bbce75734da97c8076815b", "14f58bd0d1aba895df102f2008a429e8")],
    ),
    (
        "Armenia and Azerbaijan agreed to a humanitarian ceasefire starting at noon on October 10, "
        "Russia's foreign minister said.",
        None,
        [("a8142af9bf8a603fcf6dfe9d0e9db72c", "b5d5b1081c47b01a348518499b718442")],
    ),
    (
        "Both Armenia and Azerbaijan confirmed combat casualties.",
        None,
        [("dc325f84ab9a9c6cc8f571309c7d1dc8", "2bd38212a4487471d06f606ed955ae5a")],
    ),
    (
        "The Nagorno-Karabakh defence ministry reported 40 more military deaths, raising its total to 320.",
        None,
        [
            ("8446998c79f628b34bfc9051e8489268", "ab545368994f56552401116b3694463b"),
            ("7278a1422644fa2c22177b267ba9ad6e", "82c039bfc706683f8877ea2181caffa4"),
        ],
    ),
]


def test_keys_stay_those_already_stored() -> None:
    for text, claimant, keys in STORED_KEYS:
        found = claims(text, date(2020, 10, 10), claimant)
        assert [(identity_key(claim), series_key(claim)) for claim in found] == keys, text


def test_the_claimant_is_compared_whatever_its_case_and_spacing() -> None:
    [claim] = claims("Six Azerbaijani soldiers were killed.", claimant="Ministry of Defence of Armenia")
    respelt = replace(claim, claimant="ministry of  DEFENCE of Armenia")
    assert (identity_key(respelt), series_key(respelt)) == (identity_key(claim), series_key(claim))


def test_another_subject_or_side_is_another_series() -> None:
    [tanks] = claims("Armenia said 20 Azerbaijani tanks were destroyed.")
    for other in (replace(tanks, subject="drone"), replace(tanks, side="Armenia")):
        assert series_key(other) != series_key(tanks)
        assert identity_key(other) != identity_key(tanks)


def test_a_day_s_increment_is_a_fact_of_its_day_and_a_total_is_not() -> None:
    text = "The Nagorno-Karabakh defence ministry reported 40 more military deaths, raising its total to 320."
    increment, total = claims(text, date(2020, 10, 5))
    increment_next_day, total_next_day = claims(text, date(2020, 10, 6))
    assert identity_key(increment) != identity_key(increment_next_day)
    assert identity_key(total) == identity_key(total_next_day)
    assert identity_key(replace(total, date=date(2020, 10, 4))) != identity_key(total)


def test_a_ceasefire_series_is_of_its_parties_and_its_date() -> None:
    text = "Armenia and Azerbaijan agreed to a humanitarian ceasefire starting at noon on October 10, Russia's foreign minister said."
    [truce] = claims(text, date(2020, 10, 10))
    assert truce.kind == "ceasefire" and truce.parties == ("Armenia", "Azerbaijan")
    assert series_key(replace(truce, parties=("Azerbaijan", "Armenia"))) == series_key(truce)
    assert series_key(replace(truce, reported_on=date(2020, 10, 11))) == series_key(truce)
    for other in (
        replace(truce, parties=("Armenia",)),
        replace(truce, date=date(2020, 10, 17)),
        replace(truce, claimant="France"),
        replace(truce, category="call"),
    ):
        assert series_key(other) != series_key(truce)


def test_a_historical_claim_refers_to_the_first_of_its_identity() -> None:
    [past] = claims("In 2016, more than 200 people were killed.")
    earlier = [PriorClaim("c1", "feed-a", past.count), PriorClaim("c2", "feed-b", past.count)]
    assert decide_novelty(past, earlier, earlier) == Novelty("historical", "c1")
    assert decide_novelty(past, [], earlier) == Novelty("historical", None)


def test_the_same_count_again_in_a_series_or_no_count_is_not_an_update() -> None:
    [claim] = claims("Six Azerbaijani soldiers were killed, Baku said.")
    assert decide_novelty(claim, [], [PriorClaim("c1", "feed-a", claim.count)]) == Novelty("new")
    assert decide_novelty(claim, [], [PriorClaim("c1", "feed-a", None)]) == Novelty("new")


def test_new_and_updated_claims_alert_the_others_do_not() -> None:
    assert [alerts_by_default(Novelty(kind)) for kind in ("new", "updated", "corroborated", "historical")] == [
        True,
        True,
        False,
        False,
    ]
