"""Dates as UTC, whatever form and zone the source wrote them in."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser
from dateutil import tz

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SKEW = timedelta(minutes=15)

# Zone abbreviations feeds actually write; dateutil knows only UTC/GMT by itself.
TZ_ABBREVIATIONS: dict[str, int] = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 10800, "MSK": 10800, "AMT": 14400, "AZT": 14400, "IST": 19800,
    "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600,
    "PST": -28800, "PDT": -25200, "AEST": 36000, "AEDT": 39600, "JST": 32400, "KST": 32400,
}


# Languages tried for localised month and day names: those of the conflicts we follow and
# of the wider news.  Trying all of dateparser's 200 locales costs a second per unreadable date.
DATE_LANGUAGES = ("en", "ru", "uk", "hy", "az", "ka", "tr", "fa", "ar", "he", "fr", "de", "es", "pt", "it",
                  "pl", "cs", "sk", "nl", "zh")


def as_utc(value: datetime, default_tz: tzinfo = UTC) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=default_tz)
    return value.astimezone(UTC)


def from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's parsed dates are struct_time already in UTC."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def parse_date(text: str | None, default_tz: tzinfo = UTC) -> datetime | None:
    """RFC 822, ISO 8601, or whatever dateutil makes of it; None when unreadable."""
    if not text or not (text := " ".join(text.split())):
        return None
    try:
        return as_utc(parsedate_to_datetime(text), default_tz)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return as_utc(datetime.fromisoformat(text.replace("Z", "+00:00")), default_tz)
    except ValueError:
        pass
    try:
        return as_utc(dateutil_parser.parse(text, tzinfos=TZ_ABBREVIATIONS), default_tz)
    except (ValueError, OverflowError, TypeError):
        return _localised(text, default_tz)


def _localised(text: str, default_tz: tzinfo) -> datetime | None:
    """Month and day names in other languages ('Seg, 24 Set 2018 19:42:40 -0300')."""
    import dateparser  # slow to import; most dates never get this far

    settings = {"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "TO_TIMEZONE": "UTC",
                "PREFER_DATES_FROM": "past"}
    found = dateparser.parse(text, languages=list(DATE_LANGUAGES), settings=settings)
    if found is None:
        return None
    return as_utc(found, default_tz)


def zone(name: str | None) -> tzinfo:
    return (tz.gettz(name) if name else None) or UTC


def plausible(value: datetime | None, fetched_at: datetime) -> bool:
    """Neither before 1990 nor ahead of the fetch by more than a little clock skew."""
    return value is not None and EARLIEST <= value <= fetched_at + FUTURE_SKEW
