"""The live tail as Server-Sent Events: backlog, then each new event, with heartbeats
(`shared/eventstore/follow.py` does the following). `sse_follow` is shared by every live stream
of the API; `live_events` is the log's own, as CloudEvents."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson
from fastapi.responses import StreamingResponse

from services.api.events.repository import list_events
from services.api.events.schemas import EventFilters
from services.api.problems import ProblemError
from shared.eventstore.follow import Reader, follow
from shared.eventstore.notifications import LogNotifier
from shared.unit_of_work import Database

BATCH = 500
RETRY_MS = 2000
STREAM_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def sse_message(position: int, event_type: str, payload: bytes) -> bytes:
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (position, event_type.encode(), payload)


async def sse_follow(
    db: Database, notifier: LogNotifier, read: Reader, after: int, heartbeat: float, message: Callable[[Any], bytes]
) -> AsyncIterator[bytes]:
    """What `read` finds after `after`, then live, each as `message` writes it; the SSE id is the log position."""
    yield b"retry: %d\n\n" % RETRY_MS
    async for found in follow(db.engine, notifier, read, after, batch=BATCH, idle_s=heartbeat):
        yield b": heartbeat\n\n" if found is None else message(found)


def live_events(
    db: Database, notifier: LogNotifier, filters: EventFilters, after: int, heartbeat: float
) -> AsyncIterator[bytes]:
    async def read(conn, last: int):
        return await list_events(conn, (last,), BATCH, filters)

    def message(event) -> bytes:
        return sse_message(event.position, event.type, orjson.dumps(event.to_cloudevent()))

    return sse_follow(db, notifier, read, after, heartbeat, message)


async def stream_response(notifier: LogNotifier, body: AsyncIterator[bytes], headers: dict[str, str] | None = None
                          ) -> StreamingResponse:
    """The stream, once the log's notifications are listened to; 503 while the database is away."""
    try:
        await notifier.ensure_listening()
    except Exception as exc:  # noqa: BLE001 — the database is away
        await body.aclose()
        raise ProblemError(503, "The live stream is unavailable; retry shortly.", headers={"Retry-After": "5"}) from exc
    return StreamingResponse(body, media_type="text/event-stream", headers={**STREAM_HEADERS, **(headers or {})})
