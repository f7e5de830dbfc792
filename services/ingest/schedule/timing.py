"""When to look at a source again (pure: give it the clock and the dice).

After a success the next check follows how often the source publishes,
within the source's bounds, and never earlier than the server or the feed asks
(Cache-Control max-age, Retry-After, RSS ttl) nor inside its skipHours/skipDays.
After a failure it backs off exponentially with full jitter; a source failing
for long is marked unhealthy and then tried only every few hours.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

WEEK = timedelta(days=7)
RHYTHM_ENTRIES = 11
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class ScheduleBounds:
    min_interval: timedelta = timedelta(minutes=1)
    max_interval: timedelta = timedelta(hours=1)
    backoff_base: timedelta = timedelta(minutes=1)
    backoff_cap: timedelta = timedelta(hours=1)
    unhealthy_after_failures: int = 10
    unhealthy_after: timedelta = timedelta(hours=24)
    unhealthy_interval: timedelta = timedelta(hours=6)
    max_server_wait: timedelta = timedelta(hours=24)
    """Ceiling on what Retry-After may impose."""


@dataclass(frozen=True)
class SourceState:
    source_id: str
    url: str
    last_checked_at: datetime | None = None
    last_success_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None
    last_error_kind: str | None = None
    consecutive_failures: int = 0
    failing_since: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    next_check_at: datetime | None = None
    healthy: bool = True
    items_seen: int = 0
    newest_item_at: datetime | None = None
    recent_published: tuple[datetime, ...] = ()
    """The latest entries' dates, kept so a 304 keeps the source's rhythm."""
    content_hash: str | None = None
    """Fingerprint of the last document read, to skip one that comes again unchanged."""

    def due(self, now: datetime) -> bool:
        return self.next_check_at is None or self.next_check_at <= now


@dataclass(frozen=True)
class FeedHints:
    """What one successful fetch says about coming back."""

    max_age: float | None = None
    retry_after: float | None = None
    ttl_minutes: int | None = None
    skip_hours: frozenset[int] = frozenset()
    skip_days: frozenset[str] = frozenset()


def publishing_interval(published: Iterable[datetime], now: datetime, bounds: ScheduleBounds) -> timedelta:
    """The median gap between the latest entries of the past week, clamped to the bounds.

    Gaps, not a weekly count: a feed showing its last 20 entries from the past
    hour of a breaking story must be read every few minutes, however quiet its week.
    """
    recent = sorted((p for p in published if now - WEEK <= p <= now), reverse=True)[:RHYTHM_ENTRIES]
    if len(recent) < 2:
        return bounds.max_interval
    gaps = sorted(newer - older for newer, older in zip(recent, recent[1:], strict=False))
    return _clamp(gaps[len(gaps) // 2], bounds.min_interval, bounds.max_interval)


def next_after_success(now: datetime, published: Iterable[datetime], hints: FeedHints,
                       bounds: ScheduleBounds) -> datetime:
    interval = publishing_interval(published, now, bounds)
    asked = [timedelta(seconds=hints.max_age or 0), timedelta(minutes=hints.ttl_minutes or 0)]
    for wait in asked:  # cache hints may slow us down, but not beyond our ceiling
        interval = max(interval, min(wait, bounds.max_interval))
    if hints.retry_after:  # an explicit request to wait is honoured further
        interval = max(interval, min(timedelta(seconds=hints.retry_after), bounds.max_server_wait))
    return outside_skips(now + interval, hints.skip_hours, hints.skip_days)


def outside_skips(when: datetime, skip_hours: frozenset[int], skip_days: frozenset[str]) -> datetime:
    """The first moment at or after `when` outside the feed's skipHours/skipDays (GMT)."""
    if len(skip_hours) >= 24 or len(skip_days) >= 7:
        return when  # a feed that skips everything would never be read
    for _ in range(24 * 8):
        if when.hour in skip_hours:
            when = when.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        elif DAY_NAMES[when.weekday()] in skip_days:
            when = when.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        else:
            return when
    return when


def backoff(failures: int, bounds: ScheduleBounds, rng: random.Random) -> timedelta:
    """Full jitter: uniform between nothing and base * 2^(failures-1), capped; at least min_interval."""
    ceiling = min(bounds.backoff_cap, bounds.backoff_base * (2 ** min(max(failures - 1, 0), 30)))
    return max(bounds.min_interval, ceiling * rng.random())


def record_success(state: SourceState, now: datetime, *, status: int, etag: str | None,
                   last_modified: str | None, new_items: int, published: Iterable[datetime],
                   hints: FeedHints, bounds: ScheduleBounds, url: str | None = None,
                   content_hash: str | None = None) -> SourceState:
    published = list(published)
    if status == 304 and not published:
        published = list(state.recent_published)
    newest = max(published, default=None)
    if state.newest_item_at and (newest is None or state.newest_item_at > newest):
        newest = state.newest_item_at
    return replace(
        state,
        url=url or state.url,
        last_checked_at=now,
        last_success_at=now,
        last_status=status,
        last_error=None,
        last_error_kind=None,
        consecutive_failures=0,
        failing_since=None,
        etag=etag if status != 304 else etag or state.etag,
        last_modified=last_modified if status != 304 else last_modified or state.last_modified,
        next_check_at=next_after_success(now, published, hints, bounds),
        healthy=True,
        items_seen=state.items_seen + new_items,
        newest_item_at=newest,
        recent_published=tuple(sorted(published, reverse=True)[:RHYTHM_ENTRIES]),
        content_hash=content_hash or state.content_hash,
    )


def record_failure(state: SourceState, now: datetime, *, error_kind: str, message: str,
                   status: int | None, retry_after: float | None, bounds: ScheduleBounds,
                   rng: random.Random) -> SourceState:
    failures = state.consecutive_failures + 1
    failing_since = state.failing_since or now
    healthy = failures < bounds.unhealthy_after_failures and now - failing_since < bounds.unhealthy_after
    wait = backoff(failures, bounds, rng) if healthy else bounds.unhealthy_interval
    if retry_after:
        wait = max(wait, min(timedelta(seconds=retry_after), bounds.max_server_wait))
    return replace(
        state,
        last_checked_at=now,
        last_status=status,
        last_error=message,
        last_error_kind=error_kind,
        consecutive_failures=failures,
        failing_since=failing_since,
        next_check_at=now + wait,
        healthy=healthy,
    )


def _clamp(value: timedelta, low: timedelta, high: timedelta) -> timedelta:
    return max(low, min(value, high))
