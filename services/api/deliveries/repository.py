"""Reads the `deliveries` and `delivery_attempts` projections: a subscription's messages, newest
first, each with every attempt."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.deliveries.schemas import Attempt, Delivery
from shared.readmodel.deliveries.tables import deliveries, delivery_attempts

_COLUMNS = (
    *(deliveries.c[name] for name in Delivery.model_fields if name not in ("attempt_count", "attempts")),
    deliveries.c.attempts.label("attempt_count"),
)


async def _with_attempts(conn: AsyncConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attaches every attempt to its delivery, in one query for the whole batch."""
    attempts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        query = (
            select(delivery_attempts.c.delivery_id, *(delivery_attempts.c[name] for name in Attempt.model_fields))
            .where(delivery_attempts.c.delivery_id.in_([row["delivery_id"] for row in rows]))
            .order_by(delivery_attempts.c.attempted_at, delivery_attempts.c.attempt)
        )
        for attempt in (await conn.execute(query)).mappings():
            attempts[attempt["delivery_id"]].append({name: attempt[name] for name in Attempt.model_fields})
    return [{**row, "attempts": attempts[row["delivery_id"]]} for row in rows]


async def list_deliveries(
    conn: AsyncConnection, after: tuple[datetime, str] | None, limit: int, subscription_id: str, status: str | None
) -> list[dict[str, Any]]:
    query = (
        select(*_COLUMNS)
        .where(deliveries.c.subscription_id == subscription_id)
        .order_by(deliveries.c.queued_at.desc(), deliveries.c.delivery_id.desc())
        .limit(limit)
    )
    if after:
        query = query.where(tuple_(deliveries.c.queued_at, deliveries.c.delivery_id) < tuple_(*after))
    if status is not None:
        query = query.where(deliveries.c.status == status)
    return await _with_attempts(conn, [dict(row) for row in (await conn.execute(query)).mappings()])


async def get_delivery(conn: AsyncConnection, delivery_id: str) -> dict[str, Any] | None:
    query = select(*_COLUMNS, deliveries.c.payload).where(deliveries.c.delivery_id == delivery_id)
    row = (await conn.execute(query)).mappings().first()
    return None if row is None else (await _with_attempts(conn, [dict(row)]))[0]
