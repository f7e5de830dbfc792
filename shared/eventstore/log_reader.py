"""Reading the log in follower order: (transaction id, position), below the oldest transaction
still in progress. Why this misses nothing and repeats nothing: `store.py`. Following it live,
with notifications: `live_follower.py`.

A cursor is the (transaction_id, position) of the last event a follower handled. A plain
position is accepted too (the API's `sequence`, an SSE `Last-Event-ID`): it stands for the
cursor of the event at that position, or of the latest event before it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, ColumnElement, exists, func, literal, literal_column, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.eventstore.tables import Xid8, events

SETTLE_SECONDS = 1.0
"""How long a read waits for the horizon to pass committed events it can already see."""
_FIRST_PAUSE, _LONGEST_PAUSE = 0.005, 0.05


class LogCursor(NamedTuple):
    transaction_id: int
    position: int


LOG_START = LogCursor(0, 0)
Cursor = LogCursor | int


class LogPage(list[Event]):
    """Events in follower order, the cursor after the last of them (`after` if there is none),
    and whether committed events that match were held back because an older transaction is still
    open (read again soon)."""

    def __init__(self, found: Sequence[Event], cursor: Cursor, held_back: bool) -> None:
        super().__init__(found)
        self.cursor = cursor
        self.held_back = held_back


HORIZON = func.pg_snapshot_xmin(func.pg_current_snapshot())
"""The oldest transaction still in progress when the statement's snapshot was taken: every
transaction below it has committed or rolled back, so the events below it are final."""
FOLLOWER_ORDER = (events.c.transaction_id, events.c.position)
_KEY = tuple_(*FOLLOWER_ORDER)


def after_cursor(cursor: Cursor) -> ColumnElement[bool]:
    if isinstance(cursor, LogCursor):
        return _KEY > tuple_(literal(cursor.transaction_id, Xid8()), literal(cursor.position, BigInteger()))
    at_or_before = (
        select(events.c.transaction_id)
        .where(events.c.position <= literal(cursor, BigInteger()))
        .order_by(events.c.position.desc())
        .limit(1)
        .scalar_subquery()
    )
    return _KEY > tuple_(func.coalesce(at_or_before, literal_column("'0'::xid8")), literal(cursor, BigInteger()))


class LogFilter(NamedTuple):
    types: Sequence[str] | None = None
    stream: str | None = None
    subject: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.types:
            found.append(events.c.type.in_(list(self.types)))
        if self.stream is not None:
            found.append(events.c.stream_id == self.stream)
        if self.subject is not None:
            found.append(events.c.subject == self.subject)
        if self.since is not None:
            found.append(events.c.time >= self.since)
        if self.until is not None:
            found.append(events.c.time < self.until)
        return found


async def read_log(
    conn: AsyncConnection,
    after: Cursor,
    limit: int,
    matching: LogFilter,
    *,
    below_horizon: bool = True,
    settle: float = SETTLE_SECONDS,
) -> LogPage:
    """Up to `limit` events after `after`, in follower order.

    `below_horizon=False` reads every visible event: only right while no writer can commit, i.e.
    under `lock_log_exclusively` (a replay). A short page whose matching events are held back by
    an open transaction is read again for up to `settle` seconds.
    """
    found: list[Event] = []
    cursor, held_back = after, False
    deadline, pause = time.monotonic() + settle, _FIRST_PAUSE
    while True:
        rows = await _page(conn, cursor, limit - len(found), matching, below_horizon)
        if rows:
            found += [row_to_event(row) for row in rows]
            cursor = LogCursor(rows[-1]["transaction_id"], rows[-1]["position"])
        if len(found) >= limit or not below_horizon:
            return LogPage(found, cursor, False)
        held_back = await _held_back(conn, cursor, matching)
        if not held_back or time.monotonic() >= deadline:
            return LogPage(found, cursor, held_back)
        await asyncio.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE)


async def _page(conn: AsyncConnection, cursor: Cursor, limit: int, matching: LogFilter, below_horizon: bool) -> list:
    query = select(events).where(after_cursor(cursor), *matching.clauses())
    if below_horizon:
        query = query.where(events.c.transaction_id < HORIZON)
    result = await conn.execute(query.order_by(*FOLLOWER_ORDER).limit(limit))
    return list(result.mappings())


async def _held_back(conn: AsyncConnection, cursor: Cursor, matching: LogFilter) -> bool:
    """Whether committed events that match lie at or above the horizon."""
    query = select(exists().where(after_cursor(cursor), events.c.transaction_id >= HORIZON, *matching.clauses()))
    return bool((await conn.execute(query)).scalar_one())


async def log_end(conn: AsyncConnection) -> LogCursor:
    """The cursor of the last event below the horizon: a follower starting here sees every event
    that is not yet final, however low its position."""
    query = select(*FOLLOWER_ORDER).where(events.c.transaction_id < HORIZON).order_by(
        events.c.transaction_id.desc(), events.c.position.desc()).limit(1)
    row = (await conn.execute(query)).first()
    return LOG_START if row is None else LogCursor(int(row.transaction_id), row.position)


async def cursor_before(conn: AsyncConnection, moment: datetime) -> LogCursor:
    """The cursor just before the first event (in follower order) recorded at or after `moment`,
    but never past the log's end: a transaction still open may yet commit events of that time."""
    query = select(*FOLLOWER_ORDER).where(events.c.time >= moment).order_by(*FOLLOWER_ORDER).limit(1)
    row = (await conn.execute(query)).first()
    end = await log_end(conn)
    return end if row is None else min(end, LogCursor(int(row.transaction_id), row.position - 1))


def row_to_event(row: Any) -> Event:
    time_: datetime = row["time"]
    return Event(
        type=row["type"],
        version=row["version"],
        data=row["data"],
        stream_id=row["stream_id"],
        source=row["source"],
        subject=row["subject"],
        id=str(row["id"]),
        time=time_,
        correlation_id=row["correlation_id"],
        causation_id=row["causation_id"],
        stream_version=row["stream_version"],
        position=row["position"],
    )
