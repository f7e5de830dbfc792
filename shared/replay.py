"""Rebuild every projection by replaying the event log from the start.

Runs in one transaction holding the log's lock exclusively: writers wait, readers keep the old
projections until the new ones commit. With no writer left in progress every visible event is
final, so the replay reads the whole log (not only below the horizon), in follower order, which
is each stream's order.
"""

from __future__ import annotations

from collections.abc import Callable

from shared.eventstore import LOG_START, EventStore
from shared.eventstore.locks import lock_log_exclusively
from shared.unit_of_work import Database

Progress = Callable[[int, int], None]
"""Called with (events applied, events in the log)."""


async def replay(db: Database, progress: Progress | None = None, batch_size: int = 2000) -> int:
    store = EventStore()
    applied = 0
    async with db.engine.begin() as conn:
        await lock_log_exclusively(conn)
        total = await store.count(conn)
        await db.projections.truncate(conn)
        after = LOG_START
        while batch := await store.read_all(conn, after=after, limit=batch_size, below_horizon=False):
            for event in batch:
                await db.projections.apply(conn, event)
            applied += len(batch)
            after = batch.cursor
            if progress:
                progress(applied, total)
    return applied
