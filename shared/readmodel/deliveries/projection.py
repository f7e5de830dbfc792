"""Keeps the delivery queue (`deliveries`, `delivery_attempts`) in step with alert and webhook events."""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.webhooks import (
    AlertQueued,
    WebhookAttempted,
    WebhookDeadLettered,
    WebhookDelivered,
    WebhookRedeliveryRequested,
)
from shared.readmodel.deliveries.tables import deliveries, delivery_attempts


class DeliveriesProjection:
    """The delivery queue: pending rows are due at `next_attempt_at`; every attempt is kept."""

    name = "deliveries"
    handles = frozenset({"alert.queued", "webhook.attempted", "webhook.delivered", "webhook.dead_lettered",
                         "webhook.redelivery_requested"})
    tables = (deliveries, delivery_attempts)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        where = deliveries.c.delivery_id == payload.delivery_id
        if isinstance(payload, AlertQueued):
            await conn.execute(
                insert(deliveries).values(
                    delivery_id=payload.delivery_id, message_id=payload.message_id,
                    subscription_id=payload.subscription_id, claim_id=payload.claim_id,
                    claim_event_id=payload.claim_event_id, story_id=payload.story_id,
                    incident_id=payload.incident_id, payload=payload.payload,
                    status="pending", attempts=0, round_attempts=0, next_attempt_at=payload.first_attempt_at,
                    queued_at=event.time, claim_observed_at=payload.claim_observed_at,
                )
            )
        elif isinstance(payload, WebhookAttempted):
            await conn.execute(
                pg_insert(delivery_attempts)
                .values(
                    event_id=event.id, delivery_id=payload.delivery_id, attempt=payload.attempt, url=payload.url,
                    status_code=payload.status_code, latency_ms=payload.latency_ms, error=payload.error,
                    outcome=payload.outcome, attempted_at=event.time,
                )
                .on_conflict_do_nothing()
            )
            await conn.execute(
                update(deliveries).where(where).values(
                    attempts=deliveries.c.attempts + 1, round_attempts=deliveries.c.round_attempts + 1,
                    last_attempt_at=event.time, last_status_code=payload.status_code, last_error=payload.error,
                    next_attempt_at=payload.next_attempt_at, leased_until=None, lease_owner=None,
                )
            )
        elif isinstance(payload, WebhookDelivered):
            await conn.execute(update(deliveries).where(where).values(status="delivered", delivered_at=event.time, next_attempt_at=None))
        elif isinstance(payload, WebhookDeadLettered):
            await conn.execute(
                update(deliveries).where(where).values(status="dead_lettered", dead_lettered_at=event.time, next_attempt_at=None)
            )
        elif isinstance(payload, WebhookRedeliveryRequested):
            await conn.execute(
                update(deliveries).where(where).values(
                    status="pending", round_attempts=0, next_attempt_at=event.time, dead_lettered_at=None,
                    leased_until=None, lease_owner=None,
                )
            )
