from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.ingest.parse.dates import parse_date, plausible, zone

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
])
def test_dates_in_the_forms_feeds_write(raw, expected):
    assert parse_date(raw) == expected


def test_naive_dates_take_the_sources_zone():
    assert parse_date("2020-09-27 14:05", zone("Asia/Yerevan")) == datetime(2020, 9, 27, 10, 5, tzinfo=UTC)
    assert parse_date("2020-09-27 14:05", timezone(timedelta(hours=-3))) == datetime(2020, 9, 27, 17, 5, tzinfo=UTC)
    assert zone("Not/AZone") is UTC


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
