"""Claiming due sources against the real PostgreSQL: no source goes to two instances at once."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from services.ingest.schedule.fetch_state import save_state
from services.ingest.schedule.leases import claim_due, renew_lease
from shared.db import create_engine
from shared.events.feeds import FeedSettings
from shared.readmodel.feeds.commands import register_feed, remove_feed
from shared.readmodel.feeds.tables import feed_fetch_state
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database


@pytest.fixture
async def db(settings):
    database = Database(create_engine(settings, pool_size=8), all_projections())
    yield database
    await database.engine.dispose()


async def register(db: Database, count: int) -> list[str]:
    ids = []
    for n in range(count):
        async with db.transaction() as uow:
            ids.append(await register_feed(uow, FeedSettings(url=f"http://127.0.0.1:9/{n}.xml", min_interval_s=1)))
    return ids


async def next_checks(db: Database) -> dict[str, datetime]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(select(feed_fetch_state.c.feed_id, feed_fetch_state.c.next_check_at))
    return dict(rows.all())


async def test_concurrent_claims_split_the_due_sources(db, settings):
    ids = await register(db, 12)
    now = datetime.now(UTC) + timedelta(seconds=1)
    batches = await asyncio.gather(*(claim_due(db.engine, now, 5, settings) for _ in range(4)))
    claimed = [claim.source.id for batch in batches for claim in batch]
    assert sorted(claimed) == sorted(ids), "every due source claimed exactly once"
    assert all(len(batch) <= 5 for batch in batches)
    leased_until = now + timedelta(seconds=settings.ingest_lease_seconds)
    assert set((await next_checks(db)).values()) == {leased_until}
    assert await claim_due(db.engine, now + timedelta(seconds=10), 50, settings) == []


async def test_an_expired_lease_is_claimed_again_and_the_late_result_is_dropped(db, settings):
    settings = settings.model_copy(update={"ingest_lease_seconds": 30})
    [feed_id] = await register(db, 1)
    now = datetime.now(UTC) + timedelta(seconds=1)
    [first] = await claim_due(db.engine, now, 10, settings)
    [second] = await claim_due(db.engine, now + timedelta(seconds=31), 10, settings)
    assert first.source.id == second.source.id == feed_id and first.lease_id != second.lease_id

    late = replace(first.state, last_status=200, next_check_at=now + timedelta(minutes=5))
    async with db.engine.begin() as conn:
        assert not await save_state(conn, late, first.lease_id)
        assert await save_state(conn, replace(late, next_check_at=now + timedelta(minutes=7)), second.lease_id)
    assert (await next_checks(db))[feed_id] == now + timedelta(minutes=7)


async def test_removed_and_not_yet_due_sources_are_left_alone(db, settings):
    kept, removed, later = await register(db, 3)
    async with db.transaction() as uow:
        await remove_feed(uow, removed)
    now = datetime.now(UTC) + timedelta(seconds=1)
    async with db.engine.begin() as conn:
        await conn.execute(
            update(feed_fetch_state).where(feed_fetch_state.c.feed_id == later)
            .values(next_check_at=now + timedelta(hours=1))
        )
    assert [c.source.id for c in await claim_due(db.engine, now, 10, settings)] == [kept]


async def test_a_lease_starts_again_when_the_fetch_begins_unless_another_instance_has_the_source(db, settings):
    settings = settings.model_copy(update={"ingest_lease_seconds": 30})
    [feed_id] = await register(db, 1)
    now = datetime.now(UTC) + timedelta(seconds=1)
    [waited] = await claim_due(db.engine, now, 10, settings)
    assert await renew_lease(db.engine, waited, now + timedelta(seconds=25), settings)
    assert (await next_checks(db))[feed_id] == now + timedelta(seconds=55)
    assert await claim_due(db.engine, now + timedelta(seconds=40), 10, settings) == [], "still ours after 40 s"

    [other] = await claim_due(db.engine, now + timedelta(seconds=60), 10, settings)
    assert other.source.id == feed_id
    assert not await renew_lease(db.engine, waited, now + timedelta(seconds=61), settings)
    assert (await next_checks(db))[feed_id] == now + timedelta(seconds=90), "the other instance's lease stands"
