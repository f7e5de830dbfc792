"""Append to and read from the event log.

Appends take one transaction-scoped advisory lock, so transactions that write events commit one
after another and global positions become visible in order: a reader following the log by
position never skips an event that commits late. Every writer takes this lock before any other
lock it needs, which keeps the order of locks the same everywhere (no deadlocks).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.eventstore.tables import events

APPEND_LOCK_KEY = 0x5173_7265_7001  # "sitrep" log lock
NOTIFY_CHANNEL = "sitrep_events"
_LOCKED_BY = "sitrep_append_lock_transaction"


class _Expectation:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


ANY_VERSION: Any = _Expectation("ANY_VERSION")
NO_STREAM = 0


class ConcurrencyError(RuntimeError):
    """The stream was not at the version the writer expected."""


async def take_append_lock(conn: AsyncConnection) -> None:
    """Take the log's lock once per transaction (savepoints included)."""
    transaction = conn.get_transaction()
    if conn.info.get(_LOCKED_BY) is transaction:
        return
    await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK_KEY})
    conn.info[_LOCKED_BY] = transaction


async def notify_appended(conn: AsyncConnection, position: int) -> None:
    """Tell listeners (the API's live stream) that the log grew; delivered at commit."""
    await conn.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": NOTIFY_CHANNEL, "payload": str(position)})


# One round trip: read the stream's version, check the expectation and insert, in one statement.
_APPEND = text(
    """
    WITH current AS (
        SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = :stream_id
    )
    INSERT INTO events (id, stream_id, stream_version, type, version, source, subject, time,
                        correlation_id, causation_id, data)
    SELECT e.id, :stream_id, current.version + e.n, e.type, e.version, e.source, e.subject, e.time,
           e.correlation_id, e.causation_id, e.data::jsonb
    FROM current,
         unnest(CAST(:ids AS uuid[]), CAST(:ns AS int[]), CAST(:types AS text[]), CAST(:versions AS int[]),
                CAST(:sources AS text[]), CAST(:subjects AS text[]), CAST(:times AS timestamptz[]),
                CAST(:correlations AS text[]), CAST(:causations AS text[]), CAST(:datas AS text[]))
             AS e(id, n, type, version, source, subject, time, correlation_id, causation_id, data)
    WHERE CAST(:expected AS int) IS NULL OR current.version = CAST(:expected AS int)
    ORDER BY e.n
    RETURNING position, stream_version
    """
)


class EventStore:
    async def stream_version(self, conn: AsyncConnection, stream_id: str) -> int:
        result = await conn.execute(
            select(func.coalesce(func.max(events.c.stream_version), 0)).where(
                events.c.stream_id == stream_id
            )
        )
        return int(result.scalar_one())

    async def append(
        self,
        conn: AsyncConnection,
        stream_id: str,
        new_events: Sequence[Event],
        expected_version: int = ANY_VERSION,
    ) -> list[Event]:
        """Append events to one stream atomically; returns them with stream version and position.

        `expected_version` is the stream's current version the caller saw (`NO_STREAM` for a new
        stream) or `ANY_VERSION`.
        """
        if not new_events:
            return []
        await take_append_lock(conn)
        params = {
            "stream_id": stream_id,
            "expected": None if expected_version is ANY_VERSION else expected_version,
            "ids": [e.id for e in new_events],
            "ns": list(range(1, len(new_events) + 1)),
            "types": [e.type for e in new_events],
            "versions": [e.version for e in new_events],
            "sources": [e.source for e in new_events],
            "subjects": [e.subject for e in new_events],
            "times": [e.time for e in new_events],
            "correlations": [e.correlation_id for e in new_events],
            "causations": [e.causation_id for e in new_events],
            "datas": [orjson.dumps(e.data).decode() for e in new_events],
        }
        rows = sorted((await conn.execute(_APPEND, params)).all(), key=lambda row: row.stream_version)
        if not rows:
            current = await self.stream_version(conn, stream_id)
            raise ConcurrencyError(f"stream {stream_id} is at version {current}, expected {expected_version}")
        return [
            event.replace(stream_id=stream_id, stream_version=row.stream_version, position=row.position)
            for event, row in zip(new_events, rows, strict=True)
        ]

    async def start_streams(self, conn: AsyncConnection, first_events: Sequence[Event]) -> list[Event]:
        """Append each event as version 1 of its own stream (`event.stream_id`), in one statement,
        skipping the streams that already exist; returns the events stored, in order.

        The same as `append(stream, [event], NO_STREAM)` for each, ignoring ConcurrencyError, but
        one round trip for many streams (e.g. every new entry of a fetched feed).
        """
        unique: dict[str, Event] = {}
        for event in first_events:
            unique.setdefault(event.stream_id, event)
        firsts = list(unique.values())
        if not firsts:
            return []
        await take_append_lock(conn)
        result = await conn.execute(
            pg_insert(events)
            .on_conflict_do_nothing(constraint="events_stream_version_key")
            .returning(events.c.id, events.c.position),
            [_row(event, event.stream_id, 1) for event in firsts],
        )
        positions = {str(row.id): row.position for row in result}
        return [
            event.replace(stream_version=1, position=positions[event.id])
            for event in sorted((e for e in firsts if e.id in positions), key=lambda e: positions[e.id])
        ]

    async def read_stream(self, conn: AsyncConnection, stream_id: str) -> list[Event]:
        result = await conn.execute(
            select(events).where(events.c.stream_id == stream_id).order_by(events.c.stream_version)
        )
        return [row_to_event(row) for row in result.mappings()]

    async def read_all(
        self,
        conn: AsyncConnection,
        after: int = 0,
        limit: int = 1000,
        types: Sequence[str] | None = None,
    ) -> list[Event]:
        """Events after a global position, in order."""
        query = select(events).where(events.c.position > after)
        if types:
            query = query.where(events.c.type.in_(list(types)))
        result = await conn.execute(query.order_by(events.c.position).limit(limit))
        return [row_to_event(row) for row in result.mappings()]

    async def last_position(self, conn: AsyncConnection) -> int:
        result = await conn.execute(select(func.coalesce(func.max(events.c.position), 0)))
        return int(result.scalar_one())


def _row(event: Event, stream_id: str, stream_version: int) -> dict[str, Any]:
    return {
        "id": event.id,
        "stream_id": stream_id,
        "stream_version": stream_version,
        "type": event.type,
        "version": event.version,
        "source": event.source,
        "subject": event.subject,
        "time": event.time,
        "correlation_id": event.correlation_id,
        "causation_id": event.causation_id,
        "data": event.data,
    }




def row_to_event(row: Any) -> Event:
    time: datetime = row["time"]
    return Event(
        type=row["type"],
        version=row["version"],
        data=row["data"],
        stream_id=row["stream_id"],
        source=row["source"],
        subject=row["subject"],
        id=str(row["id"]),
        time=time,
        correlation_id=row["correlation_id"],
        causation_id=row["causation_id"],
        stream_version=row["stream_version"],
        position=row["position"],
    )
