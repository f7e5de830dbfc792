"""Reads the `feeds` projection joined with each feed's fetch state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.feeds.schemas import FETCH_STATE_COLUMNS, FeedListQuery
from shared.readmodel.feeds.tables import feed_fetch_state, feeds

_COLUMNS = (*feeds.c, *(feed_fetch_state.c[name] for name in FETCH_STATE_COLUMNS))
_FROM = feeds.outerjoin(feed_fetch_state, feed_fetch_state.c.feed_id == feeds.c.feed_id)


def nest(row: dict[str, Any]) -> dict[str, Any]:
    """A flat row with the fetch state gathered under `fetch_state` (None if never scheduled)."""
    feed = {k: v for k, v in row.items() if k not in FETCH_STATE_COLUMNS}
    state = {k: row[k] for k in FETCH_STATE_COLUMNS}
    feed["fetch_state"] = state if state["healthy"] is not None else None
    return feed


async def list_feeds(
    conn: AsyncConnection, after: tuple[datetime, str] | None, limit: int, filters: FeedListQuery
) -> list[dict[str, Any]]:
    """Flat rows, oldest registration first."""
    query = select(*_COLUMNS).select_from(_FROM).order_by(feeds.c.registered_at, feeds.c.feed_id).limit(limit)
    if after:
        query = query.where(tuple_(feeds.c.registered_at, feeds.c.feed_id) > tuple_(*after))
    if not filters.include_removed:
        query = query.where(feeds.c.removed_at.is_(None))
    for name in ("kind", "country", "language", "official"):
        if (value := getattr(filters, name)) is not None:
            query = query.where(feeds.c[name] == value)
    return [dict(row) for row in (await conn.execute(query)).mappings()]


async def get_feed(conn: AsyncConnection, feed_id: str) -> dict[str, Any] | None:
    row = (
        (await conn.execute(select(*_COLUMNS).select_from(_FROM).where(feeds.c.feed_id == feed_id))).mappings().first()
    )
    return nest(dict(row)) if row is not None else None


async def active_feed_with_url(conn: AsyncConnection, url: str) -> str | None:
    result = await conn.execute(select(feeds.c.feed_id).where(feeds.c.url == url, feeds.c.removed_at.is_(None)))
    return result.scalar_one_or_none()
