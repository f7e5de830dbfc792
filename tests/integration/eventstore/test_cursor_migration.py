"""The log cursor migration (0011) on a deployment that already has a log and a relay's position: the relay
resumes where it stopped, and publishes what comes after in follower order."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import asyncpg
import orjson
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from shared.kafka.producer import EventProducer
from shared.kafka.relay import EventRelay, Route
from shared.kafka.topics import ensure_topics
from shared.migrate import upgrade
from shared.projections import Projections
from shared.unit_of_work import Database
from tests.integration.eventstore.log_samples import happened
from tests.support.kafka import drain_topic

ADMIN_DSN = os.environ.get("SITREP_TEST_ADMIN_DSN", "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep")
BEFORE = "0010_incidents"


@pytest.fixture
async def blank_database() -> AsyncIterator[str]:
    name = f"sitrep_migr_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + "/" + name
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_a_relay_resumes_from_its_old_position(blank_database, kafka_bootstrap):
    await asyncio.to_thread(upgrade, blank_database, BEFORE)
    old = create_async_engine(blank_database)
    async with old.begin() as conn:  # the log as the old code wrote it: in position order, one writer at a time
        for n in range(6):
            await conn.execute(
                text("INSERT INTO events (id, stream_id, stream_version, type, version, source, time, data) "
                     "VALUES (:id, :stream, 1, 'test.happened', 1, 'test', now(), CAST(:data AS jsonb))"),
                {"id": str(uuid.uuid4()), "stream": f"old-{n}", "data": orjson.dumps({"n": n}).decode()},
            )
        third = (await conn.execute(text("SELECT position FROM events ORDER BY position OFFSET 2 LIMIT 1"))).scalar_one()
        await conn.execute(text("INSERT INTO relay_positions (name, position) VALUES ('items', :p)"), {"p": third})
    await old.dispose()

    await asyncio.to_thread(upgrade, blank_database)
    db = Database(create_async_engine(blank_database), Projections())
    producer = EventProducer(kafka_bootstrap, client_id="test")
    topic = f"t{uuid.uuid4().hex[:10]}.items"
    await ensure_topics(kafka_bootstrap, [topic], partitions=1)
    await producer.start()
    try:
        async with db.engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM events WHERE transaction_id = '0'"))).scalar_one() == 6
        async with db.transaction() as uow:
            await uow.record("new", [happened(6), happened(7)])
        relay = EventRelay("items", db.engine, producer, [Route(frozenset({"test.happened"}), topic, lambda e: e.stream_id)])
        published = 0
        async with asyncio.timeout(30):
            while published < 5:
                published += await relay.publish_once()
        events = await drain_topic(kafka_bootstrap, topic, expect=5)
        assert [e.data["n"] for e in events] == [3, 4, 5, 6, 7]
        async with db.engine.connect() as conn:
            cursor = (await conn.execute(text("SELECT transaction_id, position FROM relay_positions"))).one()
        assert cursor.transaction_id > 0 and cursor.position == events[-1].position
    finally:
        await producer.stop()
        await db.engine.dispose()
