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
    """Raises ValueError when the time leaves datetime's range once in UTC (year 9999 west of UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=default_tz)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError(f"{value.isoformat()} is out of range in UTC") from exc


def from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's parsed dates are struct_time already in UTC."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def parse_date(text: str | None, default_tz: tzinfo = UTC) -> datetime | None:
    """RFC 822, ISO 8601, or whatever dateutil makes of it; None when unreadable or out of range."""
    if not text or not (text := " ".join(text.split())):
        return None
    for read in (_rfc822, _iso, _dateutil, _localised):
        try:
            found = read(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        try:
            return as_utc(found, default_tz) if found is not None else None
        except ValueError:
            return None
    return None


def _rfc822(text: str) -> datetime:
    """RFC 822 knows only the North American zone names: a date in another zone ('... 14:05 MSK')
    is left to dateutil, which knows ours, instead of being read as UTC."""
    found = parsedate_to_datetime(text)
    if found.tzinfo is None and text.split()[-1].upper() in TZ_ABBREVIATIONS:
        raise ValueError(f"zone of {text!r} is not RFC 822's")
    return found


def _iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _dateutil(text: str) -> datetime:
    return dateutil_parser.parse(text, tzinfos=TZ_ABBREVIATIONS)


def _localised(text: str) -> datetime | None:
    """Month and day names in other languages ('Seg, 24 Set 2018 19:42:40 -0300'). A date without
    a zone comes back naive, so that it takes the source's zone as every other form does."""
    import dateparser  # slow to import; most dates never get this far

    return dateparser.parse(text, languages=list(DATE_LANGUAGES), settings={"PREFER_DATES_FROM": "past"})


def zone(name: str | None) -> tzinfo:
    return (tz.gettz(name) if name else None) or UTC


def plausible(value: datetime | None, fetched_at: datetime) -> bool:
    """Neither before 1990 nor ahead of the fetch by more than a little clock skew."""
    return value is not None and EARLIEST <= value <= fetched_at + FUTURE_SKEW
