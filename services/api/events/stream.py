"""The live tail as Server-Sent Events: backlog, then each new event, with heartbeats
(`shared/eventstore/follow.py` does the following)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson

from services.api.events.repository import list_events
from services.api.events.schemas import EventFilters
from shared.eventstore.follow import follow
from shared.eventstore.notifications import LogNotifier
from shared.unit_of_work import Database

BATCH = 500
RETRY_MS = 2000


def sse_message(position: int, event_type: str, payload: bytes) -> bytes:
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (position, event_type.encode(), payload)


async def live_events(
    db: Database, notifier: LogNotifier, filters: EventFilters, after: int, heartbeat: float
) -> AsyncIterator[bytes]:
    async def read(conn, last: int):
        return await list_events(conn, (last,), BATCH, filters)

    yield b"retry: %d\n\n" % RETRY_MS
    async for event in follow(db.engine, notifier, read, after, batch=BATCH, idle_s=heartbeat):
        if event is None:
            yield b": heartbeat\n\n"
        else:
            yield sse_message(event.position, event.type, orjson.dumps(event.to_cloudevent()))
