"""The event log against a real PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.events import Event
from shared.eventstore import ANY_VERSION, NO_STREAM, ConcurrencyError, EventStore
from shared.projections import Projections
from shared.unit_of_work import Database


def happened(n: int) -> Event:
    return Event(type="test.happened", data={"n": n}, stream_id="", source="test")


@pytest.fixture
async def db(database_url):
    database = Database(_engine(database_url), Projections())
    yield database
    await database.engine.dispose()


def _engine(url):
    from sqlalchemy.ext.asyncio import create_async_engine

    return create_async_engine(url, pool_size=25, max_overflow=0)


async def test_append_assigns_versions_and_positions(db):
    store = EventStore()
    async with db.transaction() as uow:
        first = await uow.record("s-1", [happened(1), happened(2)], expected_version=NO_STREAM)
        second = await uow.record("s-1", [happened(3)], expected_version=2)
    assert [e.stream_version for e in first + second] == [1, 2, 3]
    assert [e.position for e in first + second] == sorted(e.position for e in first + second)
    async with db.engine.connect() as conn:
        stream = await store.read_stream(conn, "s-1")
    assert [e.data["n"] for e in stream] == [1, 2, 3]
    assert stream[0].id == first[0].id and stream[0].time == first[0].time


async def test_wrong_expected_version_is_refused_and_appends_nothing(db):
    async with db.transaction() as uow:
        await uow.record("s-2", [happened(1)], expected_version=NO_STREAM)
    with pytest.raises(ConcurrencyError):
        async with db.transaction() as uow:
            await uow.record("s-2", [happened(2)], expected_version=NO_STREAM)
    with pytest.raises(ConcurrencyError):
        async with db.transaction() as uow:
            await uow.record("s-2", [happened(2)], expected_version=5)
    async with db.engine.connect() as conn:
        assert len(await EventStore().read_stream(conn, "s-2")) == 1


async def test_starting_many_streams_skips_those_that_exist(db):
    async with db.transaction() as uow:
        await uow.record("first-b", [happened(0)], expected_version=NO_STREAM)
    batch = [happened(n).replace(stream_id=f"first-{name}") for n, name in enumerate("abcab", start=1)]
    async with db.transaction() as uow:
        stored = await uow.start_streams(batch)
    assert [(e.stream_id, e.data["n"], e.stream_version) for e in stored] == [("first-a", 1, 1), ("first-c", 3, 1)]
    assert stored[0].position < stored[1].position
    async with db.engine.connect() as conn:
        assert [e.data["n"] for e in await EventStore().read_stream(conn, "first-b")] == [0]
        assert [e.id for e in await EventStore().read_stream(conn, "first-a")] == [stored[0].id]
    async with db.transaction() as uow:
        assert await uow.start_streams(batch) == []


async def test_events_cannot_be_changed_or_deleted(db):
    async with db.transaction() as uow:
        await uow.record("s-3", [happened(1)])
    for statement in ("UPDATE events SET type = 'x'", "DELETE FROM events", "TRUNCATE events"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with db.engine.begin() as conn:
                await conn.execute(text(statement))


async def test_a_follower_of_the_log_misses_nothing_under_concurrent_appends(db):
    """Positions become visible in order, so reading `position > last seen` never skips a
    transaction that commits late."""
    store = EventStore()
    writers, per_writer = 12, 15
    seen: list[int] = []
    done = asyncio.Event()

    async def write(w: int) -> None:
        for n in range(per_writer):
            async with db.transaction() as uow:
                await uow.record(f"w-{w}", [happened(n)], expected_version=ANY_VERSION)
                await asyncio.sleep(0.001 * (w % 3))  # hold the transaction open a little

    async def follow() -> None:
        last = 0
        while True:
            writers_finished = done.is_set()
            async with db.engine.connect() as conn:
                batch = await store.read_all(conn, after=last)
            seen.extend(e.position for e in batch)
            if batch:
                last = batch[-1].position
            elif writers_finished:
                return
            await asyncio.sleep(0)

    follower = asyncio.create_task(follow())
    await asyncio.gather(*(write(w) for w in range(writers)))
    done.set()
    await follower
    async with db.engine.connect() as conn:
        everything = [e.position for e in await store.read_all(conn, limit=10_000)]
    assert len(everything) == writers * per_writer
    assert seen == everything
