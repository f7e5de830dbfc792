"""Reading the feed registry with each source's fetch state, and saying in a word how a source is."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.readmodel.feeds.tables import feed_fetch_state, feeds

HIDDEN_STATE = frozenset({"feed_id", "recent_published", "content_hash", "lease_id"})
"""Fetch-state columns that are ingest's own bookkeeping."""
Level = Literal["new", "ok", "failing", "unhealthy"]


async def list_feeds(conn: AsyncConnection) -> list[dict[str, Any]]:
    """Every active source with its fetch state, oldest registration first."""
    state = [column for column in feed_fetch_state.c if column.name not in HIDDEN_STATE]
    rows = await conn.execute(
        select(feeds, *state)
        .join(feed_fetch_state, feed_fetch_state.c.feed_id == feeds.c.feed_id, isouter=True)
        .where(feeds.c.removed_at.is_(None))
        .order_by(feeds.c.registered_at, feeds.c.feed_id)
    )
    return [dict(row) for row in rows.mappings()]


def fetch_level(row: dict[str, Any]) -> Level:
    if not row.get("last_fetched_at"):
        return "new"
    if row.get("healthy") is False:
        return "unhealthy"
    return "failing" if row.get("consecutive_failures") else "ok"


def fetch_summary(row: dict[str, Any]) -> str:
    """"ok (200)", "failing ×3: http_status (HTTP 503)", "unhealthy ×12: timeout", "new"."""
    level = fetch_level(row)
    if level == "new":
        return "not fetched yet"
    if level == "ok":
        return f"ok ({row['last_status']})" if row.get("last_status") else "ok"
    why = row.get("last_error_kind") or "error"
    if row.get("last_error") and row["last_error"] != why:
        why = f"{why} ({row['last_error']})"
    return f"{level} ×{row.get('consecutive_failures') or 0}: {why}"
