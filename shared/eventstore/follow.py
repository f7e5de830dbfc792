"""Follow the log live: the backlog after a position, then each event as it is committed.

Order of work, so nothing falls between the backlog and the live part: subscribe to
notifications first; then, in a loop, clear the wake-up flag, read everything after the last
position handed out, and wait for the flag (or the idle interval, which also re-reads the log).
An event committed while a read runs sets the flag again, so the loop reads once more.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.notifications import LogNotifier


class Positioned(Protocol):
    """An event, or what a reader made of one: its place in the log is all `follow` needs."""

    @property
    def position(self) -> int: ...


Reader = Callable[[AsyncConnection, int], Awaitable[Sequence[Positioned]]]
"""Reads at most `batch` events (or rows made of them) after a position, in log order."""


async def follow(engine: AsyncEngine, notifier: LogNotifier, read: Reader, after: int, *, batch: int,
                 idle_s: float) -> AsyncIterator[Positioned | None]:
    """Events as `read` finds them; None after each idle interval with nothing new (a heartbeat)."""
    async with notifier.subscribe() as wakeup:
        last = after
        while True:
            wakeup.clear()
            while True:
                async with engine.connect() as conn:
                    found = await read(conn, last)
                for event in found:
                    yield event
                    last = event.position
                if len(found) < batch:
                    break
            try:
                await asyncio.wait_for(wakeup.wait(), timeout=idle_s)
            except TimeoutError:
                yield None
                await notifier.ensure_listening()
