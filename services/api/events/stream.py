"""The live tail as Server-Sent Events: backlog, then each new event, with heartbeats.

Order of work, so nothing falls between the backlog and the live part: subscribe to
notifications first; then, in a loop, clear the wake-up flag, read everything after the last
position sent, and wait for the flag (or the heartbeat interval, which also re-reads the log).
An event committed while a read runs sets the flag again, so the loop reads once more.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import orjson

from shared.eventstore.notifications import LogNotifier
from services.api.events.repository import list_events
from services.api.events.schemas import EventFilters
from shared.unit_of_work import Database

BATCH = 500
RETRY_MS = 2000


def sse_message(position: int, event_type: str, payload: bytes) -> bytes:
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (position, event_type.encode(), payload)


async def live_events(
    db: Database, notifier: LogNotifier, filters: EventFilters, after: int, heartbeat: float
) -> AsyncIterator[bytes]:
    async with notifier.subscribe() as wakeup:
        yield b"retry: %d\n\n" % RETRY_MS
        last = after
        while True:
            wakeup.clear()
            while True:
                async with db.engine.connect() as conn:
                    batch = await list_events(conn, (last,), BATCH, filters)
                for event in batch:
                    yield sse_message(event.position, event.type, orjson.dumps(event.to_cloudevent()))
                    last = event.position
                if len(batch) < BATCH:
                    break
            try:
                await asyncio.wait_for(wakeup.wait(), timeout=heartbeat)
            except TimeoutError:
                yield b": heartbeat\n\n"
                await notifier.ensure_listening()
