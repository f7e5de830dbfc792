"""The live tail as Server-Sent Events: backlog, then each new event, with heartbeats
(`shared/eventstore/live_follower.py` does the following). `sse_follow` is shared by every live
stream of the API; `live_events` is the log's own, as CloudEvents, read in follower order below
the horizon (`shared/eventstore/log_reader.py`) so an event that commits late is never skipped.
The SSE id stays the event's position: a client resuming with `Last-Event-ID` names an event
that exists, whose cursor the reader looks up. A stream opened with a key ends soon after the key
is revoked (checked at each heartbeat, and as often while events flow); the client's reconnection
is then refused."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import orjson
from fastapi.responses import StreamingResponse

from services.api.events.repository import read_events
from services.api.events.schemas import EventFilters
from services.api.keys import key_is_active
from services.api.problems import ProblemError
from shared.eventstore.live_follower import Reader, follow
from shared.eventstore.log_reader import Cursor, LogPage
from shared.eventstore.notifications import LogNotifier
from shared.unit_of_work import Database

BATCH = 500
RETRY_MS = 2000
STREAM_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def sse_message(position: int, event_type: str, payload: bytes) -> bytes:
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (position, event_type.encode(), payload)


KeyCheck = Callable[[], Awaitable[bool]]
"""Whether the key that opened a stream is still active."""


def key_check(db: Database, key_id: str) -> KeyCheck:
    async def active() -> bool:
        async with db.engine.connect() as conn:
            return await key_is_active(conn, key_id)

    return active


async def sse_follow(
    db: Database, notifier: LogNotifier, read: Reader, after: Cursor, heartbeat: float, message: Callable[[Any], bytes],
    still_allowed: KeyCheck | None = None,
) -> AsyncIterator[bytes]:
    """What `read` finds after `after` (a cursor or a position), then live, each as `message` writes
    it; the SSE id is the log position. Ends when `still_allowed` (asked once per `heartbeat`
    seconds) says no."""
    yield b"retry: %d\n\n" % RETRY_MS
    checked = time.monotonic()
    async for found in follow(db.engine, notifier, read, after, batch=BATCH, idle_s=heartbeat):
        if still_allowed is not None and time.monotonic() - checked >= heartbeat:
            if not await still_allowed():
                yield b": the key was revoked\n\n"
                return
            checked = time.monotonic()
        yield b": heartbeat\n\n" if found is None else message(found)


def live_events(
    db: Database, notifier: LogNotifier, filters: EventFilters, after: int, heartbeat: float,
    still_allowed: KeyCheck | None = None,
) -> AsyncIterator[bytes]:
    async def read(conn, cursor: Cursor) -> LogPage:
        return await read_events(conn, cursor, BATCH, filters)

    def message(event) -> bytes:
        return sse_message(event.position, event.type, orjson.dumps(event.to_cloudevent()))

    return sse_follow(db, notifier, read, after, heartbeat, message, still_allowed)


async def stream_response(notifier: LogNotifier, body: AsyncIterator[bytes], headers: dict[str, str] | None = None
                          ) -> StreamingResponse:
    """The stream, once the log's notifications are listened to; 503 while the database is away."""
    try:
        await notifier.ensure_listening()
    except Exception as exc:  # noqa: BLE001 — the database is away
        await body.aclose()
        raise ProblemError(503, "The live stream is unavailable; retry shortly.", headers={"Retry-After": "5"}) from exc
    return StreamingResponse(body, media_type="text/event-stream", headers={**STREAM_HEADERS, **(headers or {})})
