"""Follow the log live: the backlog after a cursor, then each event as it is committed.

Order of work, so nothing falls between the backlog and the live part: subscribe to
notifications first; then, in a loop, clear the wake-up flag, read everything after the cursor,
and wait for the flag (or the idle interval, which also re-reads the log). An event committed
while a read runs sets the flag again, so the loop reads once more.

A reader of the log returns a `LogPage` (`log_reader.read_log`): events in follower order below
the horizon, the cursor to continue from, and whether committed events were held back by an
older transaction still open. A held-back page is read again after `HELD_BACK_RETRY_S` even
without a notification, since the transaction holding it back may append nothing and so wake
nobody. A reader of a read model by position may return a plain sequence of positioned rows;
the cursor is then the last row's position.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.notifications import LogNotifier

HELD_BACK_RETRY_S = 0.25


class Positioned(Protocol):
    """An event, or what a reader made of one."""

    @property
    def position(self) -> int: ...


Reader = Callable[[AsyncConnection, Any], Awaitable[Sequence[Positioned]]]
"""Reads at most `batch` items after a cursor: a `LogPage`, or rows in position order."""


def _next_cursor(found: Sequence[Positioned], cursor: Any) -> tuple[Any, bool]:
    """Where to read on from, and whether the reader held committed events back."""
    if hasattr(found, "cursor"):
        return found.cursor, bool(getattr(found, "held_back", False))
    return (found[-1].position if found else cursor), False


async def follow(engine: AsyncEngine, notifier: LogNotifier, read: Reader, after: Any, *, batch: int,
                 idle_s: float) -> AsyncIterator[Positioned | None]:
    """Items as `read` finds them; None after each idle interval with nothing new (a heartbeat).

    `after` is a `LogCursor`, or a position (see `log_reader`)."""
    async with notifier.subscribe() as wakeup:
        cursor, quiet_since = after, time.monotonic()
        while True:
            wakeup.clear()
            while True:
                async with engine.connect() as conn:
                    found = await read(conn, cursor)
                for item in found:
                    yield item
                    quiet_since = time.monotonic()
                cursor, held_back = _next_cursor(found, cursor)
                if len(found) < batch:
                    break
            if await _woken(wakeup, min(idle_s, HELD_BACK_RETRY_S) if held_back else idle_s):
                continue
            if time.monotonic() - quiet_since >= idle_s:
                yield None
                quiet_since = time.monotonic()
                await notifier.ensure_listening()


async def _woken(wakeup: asyncio.Event, timeout: float) -> bool:
    try:
        await asyncio.wait_for(wakeup.wait(), timeout=timeout)
    except TimeoutError:
        return False
    return True
