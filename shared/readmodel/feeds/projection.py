"""Keeps the `feeds` table in step with the feed registry's events."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.feeds import FeedHealthChanged, FeedRegistered, FeedRemoved, FeedUpdated
from shared.readmodel.feeds.tables import feed_fetch_state, feeds

_COLUMNS = {c.name for c in feeds.columns}


class FeedsProjection:
    name = "feeds"
    handles = frozenset({"feed.registered", "feed.updated", "feed.removed", "feed.health_changed"})
    tables = (feeds,)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        if isinstance(payload, FeedRegistered):
            row = payload.settings.model_dump()
            await conn.execute(
                pg_insert(feeds)
                .values(
                    feed_id=payload.feed_id,
                    registered_at=event.time,
                    updated_at=event.time,
                    version=event.stream_version,
                    **row,
                )
                .on_conflict_do_nothing()
            )
            await conn.execute(pg_insert(feed_fetch_state).values(feed_id=payload.feed_id).on_conflict_do_nothing())
        elif isinstance(payload, FeedUpdated):
            changes = {k: v for k, v in payload.changes.items() if k in _COLUMNS}
            await conn.execute(
                update(feeds)
                .where(feeds.c.feed_id == payload.feed_id)
                .values(updated_at=event.time, version=event.stream_version, **changes)
            )
        elif isinstance(payload, FeedRemoved):
            await conn.execute(
                update(feeds)
                .where(feeds.c.feed_id == payload.feed_id)
                .values(removed_at=event.time, updated_at=event.time, version=event.stream_version)
            )
        elif isinstance(payload, FeedHealthChanged):
            # Health lives in feed_fetch_state; the stream's version moves on all the same.
            await conn.execute(
                update(feeds).where(feeds.c.feed_id == payload.feed_id).values(version=event.stream_version)
            )
