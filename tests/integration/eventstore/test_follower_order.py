"""What a follower of the log sees, step by step, with transactions held open on purpose."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from shared.eventstore import (
    ANY_VERSION,
    LOG_START,
    NO_STREAM,
    ConcurrencyError,
    EventStore,
    StreamAppend,
    StreamOrderConflict,
)
from shared.replay import replay
from shared.unit_of_work import UnitOfWork
from tests.integration.eventstore.log_samples import happened

store = EventStore()


async def peek(db, after=LOG_START, **filters):
    """One read that does not wait for the horizon."""
    async with db.engine.connect() as conn:
        return await store.read_all(conn, after=after, settle=0.0, **filters)


async def read(db, after=LOG_START, **filters):
    """A read once nothing that matches is held back (other databases of the shared server have
    transactions of their own, which hold the horizon too)."""
    async with asyncio.timeout(60):
        while True:
            async with db.engine.connect() as conn:
                page = await store.read_all(conn, after=after, **filters)
            if not page.held_back:
                return page


async def test_a_late_commit_is_neither_skipped_nor_seen_early(db):
    async with db.engine.connect() as early:
        early_tx = await early.begin()
        [first] = await UnitOfWork(early, db.projections).record("early", [happened(1)])
        async with db.transaction() as uow:
            [second] = await uow.record("late", [happened(2)])
        assert second.position > first.position
        page = await peek(db)
        assert list(page) == [] and page.held_back  # `late` is committed but behind an open transaction
        await early_tx.commit()
    page = await read(db)
    assert [e.id for e in page] == [first.id, second.id]  # the transaction that began writing first
    assert list(await read(db, after=page.cursor)) == []


async def test_a_rolled_back_append_is_never_seen(db):
    with pytest.raises(RuntimeError):
        async with db.transaction() as uow:
            await uow.record("gone", [happened(1)])
            raise RuntimeError("roll back")
    async with db.transaction() as uow:
        [kept] = await uow.record("kept", [happened(2)])
    assert [e.id for e in await read(db)] == [kept.id]


async def test_a_position_stands_for_the_cursor_of_its_event(db):
    for n in range(5):
        async with db.transaction() as uow:
            await uow.record(f"s-{n % 2}", [happened(n), happened(n + 10)])
    everything = [e.id for e in await read(db)]
    cursor = LOG_START
    for k in range(len(everything)):
        [event] = step = await read(db, after=cursor, limit=1)
        cursor = step.cursor
        assert cursor.position == event.position
        rest_by_cursor = [e.id for e in await read(db, after=cursor)]
        rest_by_position = [e.id for e in await read(db, after=event.position)]
        assert rest_by_cursor == rest_by_position == everything[k + 1:]
    assert [e.id for e in await read(db, after=0)] == everything
    assert list(await read(db, after=event.position + 1000)) == []


async def test_a_stream_is_not_appended_after_a_younger_transaction(db):
    """Basic timestamp ordering: the older transaction must redo its work."""
    async with db.engine.connect() as older:
        older_tx = await older.begin()
        uow = UnitOfWork(older, db.projections)
        await uow.record("own", [happened(0)])  # takes a transaction id now
        async with db.transaction() as younger:
            await younger.record("shared", [happened(1)])
        with pytest.raises(StreamOrderConflict):
            await uow.record("shared", [happened(2)], expected_version=ANY_VERSION)
        await older_tx.rollback()
    async with db.transaction() as redo:
        await redo.record("own", [happened(0)])
        await redo.record("shared", [happened(2)])
    seen = [e for e in await read(db) if e.stream_id == "shared"]
    assert [(e.stream_version, e.data["n"]) for e in seen] == [(1, 1), (2, 2)]


async def test_two_writers_of_one_version_one_redoes(db):
    async with db.engine.connect() as first:
        first_tx = await first.begin()
        await UnitOfWork(first, db.projections).record("race", [happened(1)], expected_version=NO_STREAM)

        async def second() -> None:
            async with db.transaction() as uow:
                await uow.record("race", [happened(2)], expected_version=ANY_VERSION)

        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.3)
        assert not waiting.done()  # held by the unique key of (stream_id, stream_version)
        await first_tx.commit()
        with pytest.raises(ConcurrencyError):
            await waiting
    async with db.transaction() as uow:
        await uow.record("race", [happened(2)], expected_version=ANY_VERSION)
    async with db.engine.connect() as conn:
        assert [e.data["n"] for e in await store.read_stream(conn, "race")] == [1, 2]


async def test_writers_run_side_by_side(db):
    async with db.engine.connect() as first:
        first_tx = await first.begin()
        uow = UnitOfWork(first, db.projections)
        await uow.lock()
        await uow.record("one", [happened(1)])

        async def other() -> None:
            async with db.transaction() as uow:
                await uow.lock()
                await uow.record("two", [happened(2)])

        await asyncio.wait_for(other(), 5)  # never waits for the open writer
        await first_tx.commit()


async def test_many_streams_in_one_statement_all_or_nothing(db):
    async with db.transaction() as uow:
        await uow.record("m-1", [happened(0)])
    appends = [StreamAppend(f"m-{n}", [happened(n), happened(n + 100)], NO_STREAM) for n in range(2, 6)]
    with pytest.raises(ConcurrencyError, match="m-1 is at version 1, expected 0"):
        async with db.transaction() as uow:
            await uow.record_streams([*appends, StreamAppend("m-1", [happened(1)], NO_STREAM)])
    assert [e.stream_id for e in await read(db)] == ["m-1"]
    async with db.transaction() as uow:
        stored = await uow.record_streams([*appends, StreamAppend("m-1", [happened(1)], 1)])
    assert [(e.stream_id, e.stream_version, e.data["n"]) for e in stored] == [
        *[(f"m-{n}", v, n + 100 * (v - 1)) for n in range(2, 6) for v in (1, 2)], ("m-1", 2, 1)]
    assert [e.position for e in stored] == sorted(e.position for e in stored)
    assert [e.id for e in (await read(db))[1:]] == [e.id for e in stored]


async def test_filters_and_the_held_back_flag_follow_the_same_filters(db):
    async with db.engine.connect() as open_conn:
        open_tx = await open_conn.begin()
        await UnitOfWork(open_conn, db.projections).record("open", [happened(0)])
        async with db.transaction() as uow:
            await uow.record("wanted", [happened(1).replace(type="test.wanted")])
        assert (await peek(db, types=["test.wanted"])).held_back
        assert not (await peek(db, types=["test.other"])).held_back
        await open_tx.rollback()
    assert [e.type for e in await read(db, types=["test.wanted"], stream="wanted")] == ["test.wanted"]


async def test_replay_reads_the_whole_log_past_an_open_transaction(db):
    async with db.transaction() as uow:
        await uow.record("r", [happened(1), happened(2)])
    async with db.engine.connect() as idle:
        idle_tx = await idle.begin()
        await idle.execute(text("SELECT pg_current_xact_id()"))  # holds the horizon, writes no event
        async with db.transaction() as uow:
            await uow.record("r", [happened(3)])
        followed = await peek(db)
        assert len(followed) <= 2 and followed.held_back  # a follower waits for the idle transaction
        assert await replay(db) == 3
        await idle_tx.rollback()
