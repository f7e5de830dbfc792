"""The gauges every ingest instance reads from the fetch state of all active sources."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prometheus_client import REGISTRY
from sqlalchemy import update

from services.ingest.source_gauges import refresh_gauges
from shared.db import create_engine
from shared.events.feeds import FeedSettings
from shared.readmodel.feeds.commands import register_feed, remove_feed
from shared.readmodel.feeds.tables import feed_fetch_state
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database


async def test_due_overdue_unhealthy_and_newest_item_age(settings):
    db = Database(create_engine(settings, pool_size=2), all_projections())
    now = datetime.now(UTC)
    states = {
        "due": dict(next_check_at=now - timedelta(seconds=5), newest_item_at=now - timedelta(minutes=30)),
        "overdue": dict(next_check_at=now - timedelta(minutes=5), healthy=False),
        "later": dict(next_check_at=now + timedelta(minutes=5), newest_item_at=now - timedelta(hours=2)),
        "removed": dict(next_check_at=now - timedelta(hours=1), healthy=False, newest_item_at=now),
    }
    ids = {}
    for name, values in states.items():
        async with db.transaction() as uow:
            ids[name] = await register_feed(uow, FeedSettings(url=f"http://127.0.0.1:9/{name}.xml"))
        async with db.engine.begin() as conn:
            await conn.execute(update(feed_fetch_state).where(feed_fetch_state.c.feed_id == ids[name]).values(**values))
    async with db.transaction() as uow:
        await remove_feed(uow, ids["removed"])

    await refresh_gauges(db.engine, now)
    await db.engine.dispose()

    def value(name: str, **labels: str) -> float | None:
        return REGISTRY.get_sample_value(name, labels)

    assert value("sitrep_ingest_sources_due") == 2
    assert value("sitrep_ingest_sources_overdue") == 1
    assert value("sitrep_ingest_sources_unhealthy") == 1
    assert value("sitrep_ingest_newest_item_age_seconds", source=ids["due"]) == 1800
    assert value("sitrep_ingest_newest_item_age_seconds", source=ids["later"]) == 7200
    assert value("sitrep_ingest_newest_item_age_seconds", source=ids["removed"]) is None
