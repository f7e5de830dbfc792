"""Reads the `subscriptions` projection. Secrets live in another table, which nothing here reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.subscriptions.schemas import Subscription, SubscriptionListQuery
from shared.readmodel.subscriptions.tables import subscriptions

_COLUMNS = tuple(subscriptions.c[name] for name in Subscription.model_fields)


async def list_subscriptions(
    conn: AsyncConnection, after: tuple[datetime, str] | None, limit: int, filters: SubscriptionListQuery
) -> list[dict[str, Any]]:
    """Oldest first."""
    query = (
        select(*_COLUMNS).order_by(subscriptions.c.created_at, subscriptions.c.subscription_id).limit(limit)
    )
    if after:
        query = query.where(tuple_(subscriptions.c.created_at, subscriptions.c.subscription_id) > tuple_(*after))
    if not filters.include_deleted:
        query = query.where(subscriptions.c.deleted_at.is_(None))
    if filters.enabled is not None:
        query = query.where(subscriptions.c.enabled.is_(filters.enabled))
    return [dict(row) for row in (await conn.execute(query)).mappings()]


async def get_subscription(conn: AsyncConnection, subscription_id: str) -> dict[str, Any] | None:
    """Deleted subscriptions too (with `deleted_at`)."""
    query = select(*_COLUMNS).where(subscriptions.c.subscription_id == subscription_id)
    row = (await conn.execute(query)).mappings().first()
    return None if row is None else dict(row)
