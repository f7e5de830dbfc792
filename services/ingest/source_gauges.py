"""Gauges read from the fetch state of every active source (the same for each instance)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from services.ingest import metrics
from shared.readmodel.feeds.tables import feed_fetch_state, feeds

OVERDUE_AFTER = timedelta(minutes=1)


async def refresh_gauges(engine: AsyncEngine, now: datetime) -> None:
    state, active = feed_fetch_state.c, feeds.c.removed_at.is_(None)
    joined = feeds.join(feed_fetch_state, state.feed_id == feeds.c.feed_id)
    async with engine.connect() as conn:
        due, overdue, unhealthy = (
            await conn.execute(
                select(
                    func.count().filter(state.next_check_at <= now),
                    func.count().filter(state.next_check_at <= now - OVERDUE_AFTER),
                    func.count().filter(state.healthy.is_(False)),
                ).select_from(joined).where(active)
            )
        ).one()
        newest = (
            await conn.execute(
                select(state.feed_id, state.newest_item_at)
                .select_from(joined)
                .where(active, state.newest_item_at.is_not(None))
            )
        ).all()
    metrics.sources_due.set(due)
    metrics.sources_overdue.set(overdue)
    metrics.sources_unhealthy.set(unhealthy)
    metrics.newest_item_age.clear()  # removed sources drop out
    for feed_id, newest_item_at in newest:
        metrics.newest_item_age.labels(feed_id).set(max(0.0, (now - newest_item_at).total_seconds()))
