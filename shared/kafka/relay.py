"""Publishes events from the log to Kafka: the event log is the outbox.

A service appends events in its database transaction; the relay follows the log by global
position and publishes the types it owns, then records how far it got. A crash between the two
republishes a few events, which consumers drop by event id (their inbox). Only one instance of a
relay publishes at a time (its position row is locked while it works). It wakes on the log's
notifications, and polls too, slowly, in case one is missed.

Its lag is the number of events of its types still to publish: nothing when a read returned less
than a full batch, else counted (up to `LAG_COUNT_CAP`) in the transaction that published the batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.events import Event
from shared.eventstore import EventStore, relay_positions
from shared.eventstore.notifications import LogNotifier
from shared.kafka.producer import EventProducer
from shared.logs import get_logger
from shared.observability import metrics
from shared.runtime import first_of

log = get_logger(__name__)

LAG_COUNT_CAP = 100_000


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
            await conn.execute(
                pg_insert(relay_positions)
                .values(name=self.name, position=0)
                .on_conflict_do_nothing(index_elements=["name"])
            )
            row = (
                await conn.execute(
                    select(relay_positions.c.position)
                    .where(relay_positions.c.name == self.name)
                    .with_for_update(skip_locked=True)
                )
            ).first()
            if row is None:
                return 0  # another instance holds this relay
            metrics.relay_position.labels(self.name).set(row.position)
            events = await self._store.read_all(conn, after=row.position, limit=self.batch_size, types=self._types)
            if not events:
                metrics.relay_lag.labels(self.name).set(0)
                return 0
            messages = [
                (route.topic, event, route.key(event))
                for event in events
                for route in self.routes
                if event.type in route.types
            ]
            await self.producer.send_many(messages)
            last = events[-1].position
            await conn.execute(
                text("UPDATE relay_positions SET position = :p, updated_at = now() WHERE name = :n"),
                {"p": last, "n": self.name},
            )
            lag = await self._count_unpublished(conn, last) if len(events) == self.batch_size else 0
        for topic, _, _ in messages:
            metrics.relay_published.labels(self.name, topic).inc()
        metrics.relay_position.labels(self.name).set(last)
        metrics.relay_lag.labels(self.name).set(lag)
        return len(events)

    async def _count_unpublished(self, conn: AsyncConnection, after: int) -> int:
        result = await conn.execute(
            text(
                "SELECT count(*) FROM (SELECT 1 FROM events WHERE position > :p AND type = ANY(:types) LIMIT :cap) s"
            ),
            {"p": after, "types": self._types, "cap": LAG_COUNT_CAP},
        )
        return int(result.scalar_one())
