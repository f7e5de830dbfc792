"""Times as people read them on a terminal ("3 min ago", "in 2 h"), and times people type
("2h" ago, or an ISO date)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_STEPS = ((timedelta(minutes=1), 1, "s"), (timedelta(hours=1), 60, "min"), (timedelta(days=1), 3600, "h"),
          (timedelta(days=7), 86400, "d"))
_AGO = re.compile(r"^\s*(\d+)\s*(s|m|min|h|d|w)\s*$")
_SECONDS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def relative(when: datetime | str | None, now: datetime | None = None) -> str:
    """"just now", "42 s ago", "3 min ago", "5 h ago", "2 d ago", "in 4 min"; the date beyond a week."""
    if when is None:
        return ""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    gap = now - when
    ahead = gap < timedelta(0)
    size = abs(gap)
    if size < timedelta(seconds=5):
        return "just now"
    for limit, unit_seconds, unit in _STEPS:
        if size < limit:
            amount = int(size.total_seconds() // unit_seconds)
            return f"in {amount} {unit}" if ahead else f"{amount} {unit} ago"
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def parse_instant(text: str, now: datetime | None = None) -> datetime:
    """`2h`, `30m`, `3d` (that long ago) or an ISO 8601 date or time (UTC unless it says otherwise)."""
    now = now or datetime.now(UTC)
    if match := _AGO.match(text):
        return now - timedelta(seconds=int(match.group(1)) * _SECONDS[match.group(2)])
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a time: {text!r} (use e.g. 2h, 3d or 2026-08-22T08:00Z)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def instant_option(text: str | None, option: str) -> datetime | None:
    """A time option's value; a bad one ends the command with one line and a hint."""
    from shared.cli.errors import fail

    try:
        return None if text is None else parse_instant(text)
    except ValueError as exc:
        raise fail(str(exc), f"{option} takes e.g. 2h, 3d or 2026-08-22T08:00Z", code=2) from None
