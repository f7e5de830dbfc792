"""Publishes events from the log to Kafka: the event log is the outbox.

A service appends events in its database transaction; the relay follows the log (in follower
order, below the horizon: `shared/eventstore/store.py`) and publishes the types it owns, then
records its cursor. A crash between the two republishes a few events, which consumers drop by
event id (their inbox). Only one instance of a relay publishes at a time: it holds an advisory
lock on the relay's name while it works, which, unlike a row lock, gives its transaction no
transaction id until the cursor is written, so a relay waiting on Kafka never holds other
followers back. It wakes on the log's notifications, and polls too, slowly, in case one is missed.

Its lag is the number of events of its types still to publish: nothing when a read returned less
than a full batch, else counted (up to `LAG_COUNT_CAP`) in the transaction that published the batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, literal, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.events import Event
from shared.eventstore import LOG_START, EventStore, LogCursor, events, relay_positions
from shared.eventstore.log_reader import after_cursor
from shared.eventstore.notifications import LogNotifier
from shared.kafka.producer import EventProducer
from shared.logs import get_logger
from shared.observability import metrics
from shared.runtime import first_of

log = get_logger(__name__)

LAG_COUNT_CAP = 100_000
RELAY_LOCK_CLASS = 0x5173_7201
"""First key of a relay's advisory lock (`pg_try_advisory_xact_lock(int, int)`); the second is
the hash of its name."""


@dataclass(frozen=True)
class Route:
    """Events of these types go to `topic`, keyed by `key(event)`."""

    types: frozenset[str]
    topic: str
    key: Callable[[Event], str]


class EventRelay:
    def __init__(
        self,
        name: str,
        engine: AsyncEngine,
        producer: EventProducer,
        routes: list[Route],
        batch_size: int = 500,
        idle_sleep: float = 0.05,
        max_idle_sleep: float = 0.5,
        notifier: LogNotifier | None = None,
    ) -> None:
        self.name = name
        self.engine = engine
        self.producer = producer
        self.routes = routes
        self.batch_size = batch_size
        self.idle_sleep = idle_sleep
        self.max_idle_sleep = max_idle_sleep
        self.notifier = notifier
        self._types = sorted({t for route in routes for t in route.types})
        self._store = EventStore()
        metrics.initialise_relay(name, sorted({r.topic for r in routes}), self._types)

    async def run(self, stop: asyncio.Event) -> None:
        if self.notifier is None:
            await self._follow(stop, asyncio.Event())
            return
        async with self.notifier.subscribe(required=False) as appended:
            await self._follow(stop, appended)

    async def _follow(self, stop: asyncio.Event, appended: asyncio.Event) -> None:
        sleep = self.idle_sleep
        while not stop.is_set():
            appended.clear()
            try:
                published = await self.publish_once()
            except Exception as exc:  # noqa: BLE001 — keep relaying after outages
                log.warning("relay_failed", relay=self.name, error=repr(exc))
                published = 0
                sleep = self.max_idle_sleep
            if published:
                sleep = self.idle_sleep
                continue
            await first_of(stop, appended, timeout=sleep)
            sleep = min(sleep * 2, self.max_idle_sleep)
            if self.notifier is not None:
                await self.notifier.listen_if_possible()

    async def publish_once(self) -> int:
        """Publish the next batch; returns how many events were published."""
        async with self.engine.begin() as conn:
            if not await self._hold(conn):
                return 0  # another instance holds this relay
            cursor = await self._cursor(conn)
            metrics.relay_position.labels(self.name).set(cursor.position)
            page = await self._store.read_all(conn, after=cursor, limit=self.batch_size, types=self._types)
            if not page:
                metrics.relay_lag.labels(self.name).set(0)
                return 0
            messages = [
                (route.topic, event, route.key(event))
                for event in page
                for route in self.routes
                if event.type in route.types
            ]
            await self.producer.send_many(messages)
            last = page.cursor
            await conn.execute(
                pg_insert(relay_positions)
                .values(name=self.name, position=last.position, transaction_id=last.transaction_id)
                .on_conflict_do_update(
                    index_elements=["name"],
                    set_={"position": last.position, "transaction_id": last.transaction_id, "updated_at": func.now()},
                )
            )
            lag = await self._count_unpublished(conn, last) if len(page) == self.batch_size else 0
        for topic, _, _ in messages:
            metrics.relay_published.labels(self.name, topic).inc()
        metrics.relay_position.labels(self.name).set(last.position)
        metrics.relay_lag.labels(self.name).set(lag)
        return len(page)

    async def _hold(self, conn: AsyncConnection) -> bool:
        held = await conn.execute(
            text("SELECT pg_try_advisory_xact_lock(:class, hashtext(:name))"),
            {"class": RELAY_LOCK_CLASS, "name": self.name},
        )
        return bool(held.scalar_one())

    async def _cursor(self, conn: AsyncConnection) -> LogCursor:
        row = (
            await conn.execute(
                select(relay_positions.c.transaction_id, relay_positions.c.position).where(
                    relay_positions.c.name == self.name
                )
            )
        ).first()
        return LOG_START if row is None else LogCursor(row.transaction_id, row.position)

    async def _count_unpublished(self, conn: AsyncConnection, after: LogCursor) -> int:
        unpublished = (
            select(literal(1)).where(after_cursor(after), events.c.type.in_(self._types)).limit(LAG_COUNT_CAP).subquery()
        )
        return int((await conn.execute(select(func.count()).select_from(unpublished))).scalar_one())
