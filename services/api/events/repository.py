"""Reads the event log with the API's filters, in follower order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.events.schemas import EventFilters
from shared.events import Event
from shared.eventstore import LOG_START, events
from shared.eventstore.log_reader import Cursor, LogFilter, LogPage, read_log, row_to_event


async def read_events(conn: AsyncConnection, after: Cursor, limit: int, filters: EventFilters) -> LogPage:
    """Up to `limit` events after a cursor or a position, in follower order below the horizon
    (`shared/eventstore/log_reader.py`): reading on from the last event never skips one that
    commits late. A position stands for that event's cursor."""
    matching = LogFilter(filters.type, filters.stream, filters.subject, filters.since, filters.until)
    return await read_log(conn, after, limit, matching)


async def list_events(
    conn: AsyncConnection, after: tuple[int] | None, limit: int, filters: EventFilters
) -> list[Event]:
    """A page of `GET /v1/events`, after the position of the previous page's last event."""
    return list(await read_events(conn, after[0] if after else LOG_START, limit, filters))


async def get_event(conn: AsyncConnection, event_id: str) -> Event | None:
    row = (await conn.execute(select(events).where(events.c.id == event_id))).mappings().first()
    return row_to_event(row) if row is not None else None
