"""One database transaction in which events are appended and projected together."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.events import Event
from shared.eventstore import ANY_VERSION, EventStore, StreamAppend
from shared.eventstore.locks import take_append_lock
from shared.eventstore.notifications import LogNotifier
from shared.eventstore.store import notify_appended
from shared.observability.metrics import events_appended
from shared.projections import Projections


class UnitOfWork:
    """Wraps a connection in a transaction; `record` appends events and applies projections."""

    def __init__(self, conn: AsyncConnection, projections: Projections, store: EventStore | None = None):
        self.conn = conn
        self.projections = projections
        self.store = store or EventStore()
        self.recorded: list[Event] = []
        self.committed: list[Callable[[], None]] = []

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the transaction has committed (metrics of work that really happened)."""
        self.committed.append(callback)

    def mark(self) -> tuple[int, int]:
        """Where this unit of work stands, so a rolled-back savepoint can forget what it did."""
        return len(self.recorded), len(self.committed)

    def forget_since(self, mark: tuple[int, int]) -> None:
        recorded, committed = mark
        del self.recorded[recorded:]
        del self.committed[committed:]

    async def lock(self) -> None:
        """Take the log's lock now, before any other lock this transaction needs.

        It is shared: other writers go on side by side, only a replay waits for it (and makes this
        transaction wait). It orders nothing and excludes no other writer.
        """
        await take_append_lock(self.conn)

    async def record(
        self, stream_id: str, events: Sequence[Event], expected_version: int = ANY_VERSION
    ) -> list[Event]:
        return await self._applied(await self.store.append(self.conn, stream_id, events, expected_version))

    async def record_streams(self, appends: Sequence[StreamAppend]) -> list[Event]:
        """Append to many streams in one statement, all or nothing."""
        return await self._applied(await self.store.append_to_streams(self.conn, appends))

    async def start_streams(self, first_events: Sequence[Event]) -> list[Event]:
        """Record each event as the first of its own stream; those whose stream exists are skipped."""
        return await self._applied(await self.store.start_streams(self.conn, first_events))

    async def _applied(self, stored: list[Event]) -> list[Event]:
        for event in stored:
            await self.projections.apply(self.conn, event)
        self.recorded.extend(stored)
        return stored


class Database:
    """The engine, the projections every writer applies, and the log's notifications."""

    def __init__(self, engine: AsyncEngine, projections: Projections) -> None:
        self.engine = engine
        self.projections = projections
        self.notifier = LogNotifier(engine)

    async def close(self) -> None:
        await self.notifier.close()
        await self.engine.dispose()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[UnitOfWork]:
        async with self.engine.begin() as conn:
            uow = UnitOfWork(conn, self.projections)
            yield uow
            if uow.recorded:
                await notify_appended(conn, uow.recorded[-1].position)
        for event in uow.recorded:  # committed: count them now, never for a rolled-back transaction
            events_appended.labels(event.type).inc()
        for callback in uow.committed:
            callback()
