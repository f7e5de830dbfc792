"""Following the log live (`live_follower.follow` over `log_reader.read_log`): an event whose
transaction began first but commits last is delivered, once, in follower order."""

from __future__ import annotations

import asyncio

from shared.eventstore import EventStore
from shared.eventstore.live_follower import follow
from shared.eventstore.log_reader import LogFilter, log_end, read_log
from shared.eventstore.notifications import LogNotifier
from shared.unit_of_work import UnitOfWork
from tests.integration.eventstore.log_samples import happened

BATCH = 100


async def _follow_into(db, after, seen: list) -> None:
    notifier = LogNotifier(db.engine)

    async def read(conn, cursor):
        return await read_log(conn, cursor, BATCH, LogFilter(types=["test.happened"]))

    try:
        async for event in follow(db.engine, notifier, read, after, batch=BATCH, idle_s=0.2):
            if event is not None:
                seen.append(event.id)
    finally:
        await notifier.close()


async def _until(condition, timeout: float = 60) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


async def test_a_late_commit_reaches_a_live_follower_once_and_first(db):
    seen: list[str] = []
    async with db.engine.connect() as early:
        early_tx = await early.begin()
        [first] = await UnitOfWork(early, db.projections).record("early", [happened(1)])
        async with db.transaction() as uow:
            [second] = await uow.record("late", [happened(2)])
        assert second.position > first.position
        follower = asyncio.create_task(_follow_into(db, 0, seen))
        await asyncio.sleep(1.5)  # the follower has read, and waits on the open transaction
        assert seen == []
        await early_tx.commit()
    try:
        await _until(lambda: len(seen) >= 2)
        async with db.transaction() as uow:
            [third] = await uow.record("after", [happened(3)])
        await _until(lambda: len(seen) >= 3)
        await asyncio.sleep(0.5)
        assert seen == [first.id, second.id, third.id]
    finally:
        follower.cancel()


async def test_following_from_the_end_of_the_log_misses_no_open_transaction(db):
    """What `sitrep claims watch` does without --since: start at the log's end, below the horizon,
    not at the highest position, which a later commit of a lower position would fall behind.
    (`old` is seen too when a transaction elsewhere on the server holds the horizon below it.)"""
    async with db.transaction() as uow:
        [old] = await uow.record("old", [happened(0)])
    async with db.engine.connect() as early:
        early_tx = await early.begin()
        [first] = await UnitOfWork(early, db.projections).record("early", [happened(1)])
        async with db.transaction() as uow:
            [second] = await uow.record("late", [happened(2)])
        async with db.engine.connect() as conn:
            end = await log_end(conn)
            assert end.position < second.position and await EventStore().last_position(conn) == second.position
        seen: list[str] = []
        follower = asyncio.create_task(_follow_into(db, end, seen))
        await early_tx.commit()
    try:
        await _until(lambda: len(seen) >= 2)
        await asyncio.sleep(0.5)
        assert seen[-2:] == [first.id, second.id] and seen in ([first.id, second.id], [old.id, first.id, second.id])
    finally:
        follower.cancel()
