import os
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.ingest.parse.dates import EARLIEST, FUTURE_SKEW, as_utc, parse_date, plausible, zone

FETCHED = datetime(2020, 9, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("raw, expected", [
    ("Sun, 27 Sep 2020 10:15:00 +0400", datetime(2020, 9, 27, 6, 15, tzinfo=UTC)),
    ("Sun, 27 Sep 2020 10:15:00 GMT", datetime(2020, 9, 27, 10, 15, tzinfo=UTC)),
    ("2020-09-27T10:15:00Z", datetime(2020, 9, 27, 10, 15, tzinfo=UTC)),
    ("2020-09-27T10:15:00.123+04:00", datetime(2020, 9, 27, 6, 15, 0, 123000, tzinfo=UTC)),
    ("Tue, 4 Nov 2025 14:25:56  EST", datetime(2025, 11, 4, 19, 25, 56, tzinfo=UTC)),
    ("03 Apr 02 1500 GMT", datetime(2002, 4, 3, 15, 0, tzinfo=UTC)),
    ("Seg, 24 Set 2018 19:42:40 -0300", datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC)),
    ("27 сентября 2020, 14:05", datetime(2020, 9, 27, 14, 5, tzinfo=UTC)),
    # Zone abbreviations beyond RFC 822's: Moscow, Armenia, Central Europe in summer.
    ("2020-09-27 14:05 MSK", datetime(2020, 9, 27, 11, 5, tzinfo=UTC)),
    ("Sun, 27 Sep 2020 14:05:00 MSK", datetime(2020, 9, 27, 11, 5, tzinfo=UTC)),
    ("27 Sep 2020 14:05 AMT", datetime(2020, 9, 27, 10, 5, tzinfo=UTC)),
    ("2020-09-27 14:05 CEST", datetime(2020, 9, 27, 12, 5, tzinfo=UTC)),
    # ISO 8601 week dates.
    ("2020-W39-7T10:15:00Z", datetime(2020, 9, 27, 10, 15, tzinfo=UTC)),
])
def test_dates_in_the_forms_feeds_write(raw, expected):
    assert parse_date(raw) == expected


def test_naive_dates_take_the_sources_zone():
    assert parse_date("2020-09-27 14:05", zone("Asia/Yerevan")) == datetime(2020, 9, 27, 10, 5, tzinfo=UTC)
    assert parse_date("2020-09-27 14:05", timezone(timedelta(hours=-3))) == datetime(2020, 9, 27, 17, 5, tzinfo=UTC)
    assert zone("Not/AZone") is UTC


def test_a_localised_date_without_a_zone_takes_the_sources_zone():
    assert parse_date("27 сентября 2020, 14:05", zone("Asia/Yerevan")) == datetime(2020, 9, 27, 10, 5, tzinfo=UTC)
    assert parse_date("Seg, 24 Set 2018 19:42:40 -0300", zone("Asia/Yerevan")) == datetime(2018, 9, 24, 22, 42, 40,
                                                                                          tzinfo=UTC)


def test_a_zone_of_minus_zero_means_unknown_and_takes_the_sources_zone():
    """RFC 5322 3.3: -0000 says the writer did not know its zone."""
    assert parse_date("Sun, 27 Sep 2020 10:15:00 -0000", zone("Asia/Yerevan")) == datetime(2020, 9, 27, 6, 15,
                                                                                           tzinfo=UTC)
    assert parse_date("Sun, 27 Sep 2020 10:15:00 +0000", zone("Asia/Yerevan")) == datetime(2020, 9, 27, 10, 15,
                                                                                           tzinfo=UTC)


def test_a_date_without_a_year_is_the_last_such_day_never_one_ahead():
    now = datetime.now(UTC)
    for raw in ("1 января, 14:05", "31 декабря, 14:05"):
        parsed = parse_date(raw)
        assert parsed is not None and parsed <= now + FUTURE_SKEW, raw
        assert parsed > now - timedelta(days=366), raw


def test_month_names_are_read_only_in_the_languages_followed():
    """Trying every language dateparser knows costs a second per unreadable date; Finnish is not
    among the languages of the news followed, so its month names stay unread."""
    assert parse_date("24 syyskuuta 2018 19:42") is None


@pytest.fixture
def machine_in_yerevan():
    """The process's local zone set to UTC+4, so that nothing can pass by reading the local zone."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Yerevan"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


@pytest.mark.parametrize("raw", ["Sun, 27 Sep 2020 10:15:00 +0400", "2020-09-27T10:15:00+04:00",
                                 "27 сентября 2020, 10:15 +0400", "2020-09-27 10:15 AMT"])
def test_dates_come_out_in_utc_whatever_the_machines_zone(machine_in_yerevan, raw):
    parsed = parse_date(raw)
    assert parsed == datetime(2020, 9, 27, 6, 15, tzinfo=UTC)
    assert parsed.utcoffset() == timedelta(0)


def test_a_source_without_a_zone_is_read_in_utc_not_in_the_machines_zone(machine_in_yerevan):
    assert zone(None) is UTC and zone("") is UTC
    assert parse_date("2020-09-27 14:05", zone(None)) == datetime(2020, 9, 27, 14, 5, tzinfo=UTC)


def test_a_time_beyond_the_last_utc_year_is_refused_with_its_value():
    west = timezone(timedelta(hours=-14))
    with pytest.raises(ValueError, match=r"9999-12-31T23:59:59-14:00 is out of range in UTC"):
        as_utc(datetime(9999, 12, 31, 23, 59, 59, tzinfo=west))
    assert parse_date("9999-12-31T23:59:59-14:00") is None


@pytest.mark.parametrize("raw", [None, "", "   ", "soon", "—"])
def test_unreadable_dates_are_none(raw):
    assert parse_date(raw) is None


def test_plausible_dates_lie_between_1990_and_the_fetch_plus_skew():
    assert plausible(FETCHED - timedelta(days=3), FETCHED)
    assert plausible(FETCHED + timedelta(minutes=10), FETCHED)
    assert not plausible(FETCHED + timedelta(hours=2), FETCHED)
    assert not plausible(datetime(1989, 12, 31, tzinfo=UTC), FETCHED)
    assert not plausible(parse_date("9999-12-31T00:00:00Z"), FETCHED)
    assert not plausible(None, FETCHED)


def test_plausibility_includes_both_of_its_bounds():
    assert EARLIEST == datetime(1990, 1, 1, tzinfo=UTC)
    assert plausible(datetime(1990, 1, 1, tzinfo=UTC), FETCHED)
    assert plausible(FETCHED + FUTURE_SKEW, FETCHED)
    assert not plausible(FETCHED + FUTURE_SKEW + timedelta(seconds=1), FETCHED)
