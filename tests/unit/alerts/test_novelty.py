from datetime import date

from services.alerts.novelty import PriorClaim, alerts_by_default, decide_novelty, identity_key, series_key
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
