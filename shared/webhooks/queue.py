"""The durable delivery queue: pending rows in `deliveries`, leased to one worker at a time.

A worker locks due rows with `FOR UPDATE SKIP LOCKED` (so workers never wait on, or take, each
other's rows), writes a lease on the ones it will send now and commits; the HTTP call happens
outside any transaction. Recording the attempt clears the lease. A worker that dies leaves its
lease to expire, and the row is sent again with the same `webhook-id` (at-least-once).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

_DUE = """
    SELECT d.delivery_id, d.message_id, d.subscription_id, s.url, d.payload, d.attempts, d.round_attempts,
           d.claim_observed_at
    FROM deliveries d JOIN subscriptions s ON s.subscription_id = d.subscription_id
    WHERE d.delivery_id IN (
        SELECT delivery_id FROM (
            SELECT d2.delivery_id, d2.next_attempt_at,
                   row_number() OVER (PARTITION BY s2.url ORDER BY d2.next_attempt_at) AS place
            FROM deliveries d2 JOIN subscriptions s2 ON s2.subscription_id = d2.subscription_id
            WHERE d2.status = 'pending' AND d2.next_attempt_at <= now()
              AND (d2.leased_until IS NULL OR d2.leased_until < now())
              AND s2.enabled AND s2.deleted_at IS NULL AND NOT (s2.url = ANY(:skip))
        ) due
        WHERE place <= :per_endpoint
        ORDER BY next_attempt_at
        LIMIT :limit
    )
    AND d.status = 'pending' AND (d.leased_until IS NULL OR d.leased_until < now())
    ORDER BY d.next_attempt_at
    FOR UPDATE OF d SKIP LOCKED
"""

_LEASE = """
    UPDATE deliveries SET leased_until = now() + make_interval(secs => :lease), lease_owner = :owner
    WHERE delivery_id = ANY(:ids)
"""


@dataclass(frozen=True)
class Delivery:
    delivery_id: str
    message_id: str
    subscription_id: str
    url: str
    payload: dict[str, Any]
    attempts: int
    round_attempts: int
    claim_observed_at: datetime


async def lease_due(
    engine: AsyncEngine, *, owner: str, capacity: Callable[[str], int], limit: int, per_endpoint: int,
    lease_seconds: float, skip: list[str] | None = None,
) -> list[Delivery]:
    """Lease up to `limit` due deliveries, at most `capacity(url)` for each endpoint."""
    async with engine.begin() as conn:
        rows = (await conn.execute(
            text(_DUE), {"skip": skip or [], "per_endpoint": per_endpoint, "limit": limit}
        )).mappings().all()
        taken: Counter[str] = Counter()
        kept = []
        for row in rows:
            if taken[row["url"]] < capacity(row["url"]):
                taken[row["url"]] += 1
                kept.append(Delivery(**row))
        if kept:
            await conn.execute(text(_LEASE), {"lease": lease_seconds, "owner": owner, "ids": [d.delivery_id for d in kept]})
    return kept


async def queue_depth(engine: AsyncEngine) -> int:
    """Messages waiting for a live subscription (a disabled one's wait until it is enabled again)."""
    async with engine.connect() as conn:
        return int((await conn.execute(text(
            "SELECT count(*) FROM deliveries d JOIN subscriptions s USING (subscription_id) "
            "WHERE d.status = 'pending' AND s.enabled AND s.deleted_at IS NULL"
        ))).scalar_one())
