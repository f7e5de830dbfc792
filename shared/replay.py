"""Rebuild every projection by replaying the event log from the start.

Runs in one transaction holding the log's append lock: writers wait, readers keep the old
projections until the new ones commit.
"""

from __future__ import annotations

from collections.abc import Callable

from shared.eventstore import EventStore
from shared.eventstore.store import take_append_lock
from shared.unit_of_work import Database

Progress = Callable[[int, int], None]


async def replay(db: Database, progress: Progress | None = None, batch_size: int = 2000) -> int:
    store = EventStore()
    applied = 0
    async with db.engine.begin() as conn:
        await take_append_lock(conn)
        total = await store.last_position(conn)
        await db.projections.truncate(conn)
        after = 0
        while batch := await store.read_all(conn, after=after, limit=batch_size):
            for event in batch:
                await db.projections.apply(conn, event)
            applied += len(batch)
            after = batch[-1].position
            if progress:
                progress(after, total)
    return applied
