"""Reads the event log with the API's filters, in global order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.events.schemas import EventFilters
from shared.events import Event
from shared.eventstore import events
from shared.eventstore.store import row_to_event


async def list_events(
    conn: AsyncConnection, after: tuple[int] | None, limit: int, filters: EventFilters
) -> list[Event]:
    query = select(events).order_by(events.c.position).limit(limit)
    if after:
        query = query.where(events.c.position > after[0])
    if filters.type:
        query = query.where(events.c.type.in_(filters.type))
    if filters.stream is not None:
        query = query.where(events.c.stream_id == filters.stream)
    if filters.subject is not None:
        query = query.where(events.c.subject == filters.subject)
    if filters.since is not None:
        query = query.where(events.c.time >= filters.since)
    if filters.until is not None:
        query = query.where(events.c.time < filters.until)
    result = await conn.execute(query)
    return [row_to_event(row) for row in result.mappings()]


async def get_event(conn: AsyncConnection, event_id: str) -> Event | None:
    row = (await conn.execute(select(events).where(events.c.id == event_id))).mappings().first()
    return row_to_event(row) if row is not None else None
