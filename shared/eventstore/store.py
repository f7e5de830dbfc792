"""Append to and read from the event log; writers run side by side.

Streams keep optimistic concurrency by (stream_id, stream_version), which is unique: of two
writers racing to the same version one gets `ConcurrencyError` and redoes its transaction.

Followers of the log (the relays, the API's live stream, a replay) read it through
`EventStore.read_all`, by the technique of message stores on PostgreSQL (the outbox readers
described by Oskar Dudycz, "How Postgres sequences issues can impact your messaging guarantees",
and the global readers of stores such as Beckett): every event records the transaction that
appended it (`transaction_id`, a xid8 defaulting to `pg_current_xact_id()`), and a follower reads
in (transaction_id, position) order only below `pg_snapshot_xmin(pg_current_snapshot())`, the
oldest transaction still in progress. Why that is safe:

- Below the horizon the set of events is final: each of those transactions has committed or
  rolled back, and any transaction that starts later gets a larger id. A follower reads that
  final set in key order and keeps the last key as its cursor, so it never skips an event that
  commits late (its transaction id holds the horizon back until it ends) and never reads one twice
  (the key only grows). Positions alone could not do this: a transaction still open can hold a
  lower position than one already committed.
- Order within a stream, by basic timestamp ordering (Bernstein and Goodman) with the
  transaction id as the timestamp: an append is refused with `StreamOrderConflict` when the
  stream's last event belongs to a transaction with a larger id (one that started writing later
  but committed first), and the writer redoes its transaction, which then gets a newer id. So the
  transaction ids of a stream's events never decrease with their version, and within one
  transaction positions grow with the version: follower order is stream order.

Latency is the price: a follower sees an event once every older transaction (of any database of
the server) has ended, so long transactions delay followers, never the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

import orjson
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.eventstore.log_reader import LOG_START, SETTLE_SECONDS, Cursor, LogFilter, LogPage, read_log, row_to_event
from shared.eventstore.locks import APPEND_LOCK_KEY, take_append_lock  # noqa: F401 — imported from here
from shared.eventstore.tables import events

NOTIFY_CHANNEL = "sitrep_events"
_VERSION_KEY = "events_stream_version_key"


class _Expectation:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


ANY_VERSION: Any = _Expectation("ANY_VERSION")
NO_STREAM = 0


class ConcurrencyError(RuntimeError):
    """The stream moved under the writer: redo the transaction (it reads the stream anew)."""


class StreamOrderConflict(ConcurrencyError):
    """A transaction that began writing later has appended to the stream meanwhile; appending
    after it would put the stream out of order for followers. Redo the transaction."""


class StreamAppend(NamedTuple):
    stream_id: str
    events: Sequence[Event]
    expected_version: int = ANY_VERSION


async def notify_appended(conn: AsyncConnection, position: int) -> None:
    """Tell listeners (the API's live stream) that the log grew; delivered at commit."""
    await conn.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": NOTIFY_CHANNEL, "payload": str(position)})


def _append_sql(skip_existing: bool) -> Any:
    """One statement for many streams: read each stream's head, check the expectation and the
    order rule, insert every event. Atomic: a refused stream refuses them all; `skip_existing`
    (new streams only) inserts the others instead."""
    insert_when = "v.ok" if skip_existing else "NOT EXISTS (SELECT 1 FROM verdict WHERE NOT ok)"
    on_conflict = f"ON CONFLICT ON CONSTRAINT {_VERSION_KEY} DO NOTHING" if skip_existing else ""
    return text(
        f"""
        WITH verdict AS (
            SELECT s.stream_id, coalesce(head.stream_version, 0) AS current, s.expected,
                   coalesce(head.transaction_id <= pg_current_xact_id(), true) AS in_order,
                   coalesce(head.transaction_id <= pg_current_xact_id(), true)
                       AND (s.expected IS NULL OR s.expected = coalesce(head.stream_version, 0)) AS ok
            FROM unnest(CAST(:stream_ids AS text[]), CAST(:expected AS int[])) AS s(stream_id, expected)
            LEFT JOIN LATERAL (
                SELECT e.stream_version, e.transaction_id FROM events e
                WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1
            ) head ON true
        ),
        stored AS (
            INSERT INTO events (id, stream_id, stream_version, type, version, source, subject, time,
                                correlation_id, causation_id, data)
            SELECT e.id, e.stream_id, v.current + e.n, e.type, e.version, e.source, e.subject, e.time,
                   e.correlation_id, e.causation_id, e.data::jsonb
            FROM unnest(CAST(:ids AS uuid[]), CAST(:streams AS text[]), CAST(:ns AS int[]),
                        CAST(:types AS text[]), CAST(:versions AS int[]), CAST(:sources AS text[]),
                        CAST(:subjects AS text[]), CAST(:times AS timestamptz[]),
                        CAST(:correlations AS text[]), CAST(:causations AS text[]), CAST(:datas AS text[]))
                 WITH ORDINALITY AS e(id, stream_id, n, type, version, source, subject, time,
                                      correlation_id, causation_id, data, ord)
            JOIN verdict v ON v.stream_id = e.stream_id
            WHERE {insert_when}
            ORDER BY e.ord
            {on_conflict}
            RETURNING id, position, stream_version
        )
        SELECT id::text AS id, position, stream_version, NULL::text AS stream_id, NULL::int AS current,
               NULL::boolean AS in_order
        FROM stored
        UNION ALL
        SELECT NULL, NULL, NULL, stream_id, current, in_order FROM verdict WHERE NOT ok
        """
    )


_APPEND = _append_sql(skip_existing=False)
_START = _append_sql(skip_existing=True)


def _params(appends: Sequence[StreamAppend]) -> dict[str, list]:
    batch = [(a.stream_id, n, e) for a in appends for n, e in enumerate(a.events, start=1)]
    return {
        "stream_ids": [a.stream_id for a in appends],
        "expected": [None if a.expected_version is ANY_VERSION else a.expected_version for a in appends],
        "ids": [e.id for _, _, e in batch],
        "streams": [s for s, _, _ in batch],
        "ns": [n for _, n, _ in batch],
        "types": [e.type for _, _, e in batch],
        "versions": [e.version for _, _, e in batch],
        "sources": [e.source for _, _, e in batch],
        "subjects": [e.subject for _, _, e in batch],
        "times": [e.time for _, _, e in batch],
        "correlations": [e.correlation_id for _, _, e in batch],
        "causations": [e.causation_id for _, _, e in batch],
        "datas": [orjson.dumps(e.data).decode() for _, _, e in batch],
    }


def _version_clash(exc: IntegrityError) -> bool:
    seen: BaseException | None = exc.orig
    for _ in range(4):
        if seen is None:
            break
        if getattr(seen, "constraint_name", None) == _VERSION_KEY:
            return True
        seen = seen.__cause__
    return _VERSION_KEY in str(exc)


class EventStore:
    async def stream_version(self, conn: AsyncConnection, stream_id: str) -> int:
        result = await conn.execute(
            select(func.coalesce(func.max(events.c.stream_version), 0)).where(events.c.stream_id == stream_id)
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
        return await self.append_to_streams(conn, [StreamAppend(stream_id, new_events, expected_version)])

    async def append_to_streams(self, conn: AsyncConnection, appends: Sequence[StreamAppend]) -> list[Event]:
        """Append to many streams in one statement, all or nothing; returns the events stored, in
        the order given (which is their order in the log)."""
        appends = [a for a in appends if a.events]
        if not appends:
            return []
        if len({a.stream_id for a in appends}) != len(appends):
            raise ValueError("each stream may appear once in an append")
        rows = await self._execute(conn, _APPEND, appends)
        if refused := [row for row in rows if row.id is None]:
            raise _refusal(refused[0], {a.stream_id: a.expected_version for a in appends})
        return _placed([(e, a.stream_id) for a in appends for e in a.events], rows)

    async def start_streams(self, conn: AsyncConnection, first_events: Sequence[Event]) -> list[Event]:
        """Append each event as version 1 of its own stream (`event.stream_id`), in one statement,
        skipping the streams that already exist; returns the events stored, in order.

        The same as `append(stream, [event], NO_STREAM)` for each, ignoring ConcurrencyError, but
        one round trip for many streams (e.g. every new entry of a fetched feed).
        """
        unique: dict[str, Event] = {}
        for event in first_events:
            unique.setdefault(event.stream_id, event)
        if not unique:
            return []
        appends = [StreamAppend(stream, [event], NO_STREAM) for stream, event in unique.items()]
        rows = await self._execute(conn, _START, appends)
        return _placed([(event, stream) for stream, event in unique.items()], rows)

    async def _execute(self, conn: AsyncConnection, statement: Any, appends: Sequence[StreamAppend]) -> list:
        await take_append_lock(conn)
        try:
            return list(await conn.execute(statement, _params(appends)))
        except IntegrityError as exc:
            if _version_clash(exc):
                raise ConcurrencyError("a stream was appended to by a concurrent transaction") from exc
            raise

    async def read_stream(self, conn: AsyncConnection, stream_id: str) -> list[Event]:
        result = await conn.execute(
            select(events).where(events.c.stream_id == stream_id).order_by(events.c.stream_version)
        )
        return [row_to_event(row) for row in result.mappings()]

    async def read_all(
        self,
        conn: AsyncConnection,
        after: Cursor = LOG_START,
        limit: int = 1000,
        types: Sequence[str] | None = None,
        *,
        stream: str | None = None,
        subject: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        below_horizon: bool = True,
        settle: float = SETTLE_SECONDS,
    ) -> LogPage:
        """The events after `after` (a `LogCursor`, or a position), in follower order: what every
        follower of the log reads. The page's `cursor` is where to continue; see `read_log`."""
        matching = LogFilter(types, stream, subject, since, until)
        return await read_log(conn, after, limit, matching, below_horizon=below_horizon, settle=settle)

    async def last_position(self, conn: AsyncConnection) -> int:
        result = await conn.execute(select(func.coalesce(func.max(events.c.position), 0)))
        return int(result.scalar_one())

    async def count(self, conn: AsyncConnection) -> int:
        return int((await conn.execute(select(func.count()).select_from(events))).scalar_one())


def _refusal(row: Any, expected: dict[str, int]) -> ConcurrencyError:
    if not row.in_order:
        return StreamOrderConflict(
            f"stream {row.stream_id} was appended to by a transaction that began writing later; redo this one"
        )
    return ConcurrencyError(f"stream {row.stream_id} is at version {row.current}, expected {expected[row.stream_id]}")


def _placed(wanted: list[tuple[Event, str]], rows: list) -> list[Event]:
    """The events the statement stored, with their streams, versions and positions, in log order."""
    where = {row.id: row for row in rows if row.id is not None}
    placed = [
        event.replace(stream_id=stream, stream_version=row.stream_version, position=row.position)
        for event, stream in wanted
        if (row := where.get(event.id)) is not None
    ]
    placed.sort(key=lambda e: e.position)
    return placed
