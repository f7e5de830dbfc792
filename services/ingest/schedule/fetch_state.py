"""A source's fetch state as the scheduler reasons about it, and as `feed_fetch_state` stores it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.ingest.schedule.timing import ScheduleBounds, SourceState
from shared.readmodel.feeds.tables import feed_fetch_state
from shared.settings import Settings

MAX_MESSAGE_CHARS = 1000


def state_from_row(feed_id: str, url: str, row: Mapping[str, Any]) -> SourceState:
    status = row["last_status"]
    return SourceState(
        source_id=feed_id,
        url=url,
        last_checked_at=row["last_fetched_at"],
        last_success_at=row["last_success_at"],
        last_status=int(status) if status and status.isdigit() else None,
        last_error=row["last_error"],
        last_error_kind=row["last_error_kind"],
        consecutive_failures=row["consecutive_failures"],
        failing_since=row["failing_since"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        next_check_at=row["next_check_at"],
        healthy=row["healthy"],
        items_seen=row["items_seen"],
        newest_item_at=row["newest_item_at"],
        recent_published=tuple(row["recent_published"] or ()),
        content_hash=row["content_hash"],
    )


def state_columns(state: SourceState, warning: str | None = None) -> dict[str, Any]:
    return {
        "etag": state.etag,
        "last_modified": state.last_modified,
        "last_status": str(state.last_status) if state.last_status is not None else None,
        "last_error": _cut(state.last_error),
        "last_error_kind": state.last_error_kind,
        "last_warning": _cut(warning),
        "last_fetched_at": state.last_checked_at,
        "last_success_at": state.last_success_at,
        "consecutive_failures": state.consecutive_failures,
        "failing_since": state.failing_since,
        "next_check_at": state.next_check_at,
        "healthy": state.healthy,
        "items_seen": state.items_seen,
        "newest_item_at": state.newest_item_at,
        "recent_published": list(state.recent_published),
        "content_hash": state.content_hash,
    }


async def save_state(conn: AsyncConnection, state: SourceState, lease_id: str, warning: str | None = None, *,
                     keep_warning: bool = False) -> bool:
    """Write the state and end the lease; False when the lease is no longer ours.

    `keep_warning` leaves the last warning standing (the same document came again)."""
    values = state_columns(state, warning)
    if keep_warning:
        del values["last_warning"]
    result = await conn.execute(
        update(feed_fetch_state)
        .where(feed_fetch_state.c.feed_id == state.source_id, feed_fetch_state.c.lease_id == lease_id)
        .values(lease_id=None, **values)
    )
    return result.rowcount == 1


def bounds_for(min_interval_s: int, max_interval_s: int, settings: Settings) -> ScheduleBounds:
    """The source's own polling bounds; back-off starts from its lower bound."""
    low = timedelta(seconds=min_interval_s)
    high = max(low, timedelta(seconds=max_interval_s))
    return ScheduleBounds(
        min_interval=low,
        max_interval=high,
        backoff_base=low,
        backoff_cap=max(high, ScheduleBounds().backoff_cap),
        unhealthy_after_failures=settings.ingest_unhealthy_after_failures,
        unhealthy_interval=timedelta(seconds=settings.ingest_unhealthy_retry_seconds),
    )


def _cut(message: str | None) -> str | None:
    return message if message is None or len(message) <= MAX_MESSAGE_CHARS else message[: MAX_MESSAGE_CHARS - 1] + "…"
