"""What happened to a delivery, as events: each attempt, then delivered or dead-lettered; and an
operator's request to send one message (or every dead-lettered one) again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from shared.events import Event
from shared.events.webhooks import (
    AttemptOutcome,
    WebhookAttempted,
    WebhookDeadLettered,
    WebhookDelivered,
    WebhookRedeliveryRequested,
    delivery_stream,
)
from shared.readmodel.deliveries.tables import deliveries
from shared.readmodel.subscriptions.commands import SubscriptionNotFound, update_subscription
from shared.unit_of_work import UnitOfWork
from shared.webhooks.queue import Delivery
from shared.webhooks.sender import AttemptResult

SOURCE = "sitrep/webhooks"


class DeliveryNotFound(LookupError):
    pass


class DeliveryPending(ValueError):
    """The delivery is still in the queue: nothing to redeliver."""


async def record_attempt(
    uow: UnitOfWork, delivery: Delivery, result: AttemptResult, outcome: AttemptOutcome,
    next_attempt_at: datetime | None, now: datetime,
) -> list[Event]:
    stream = delivery_stream(delivery.delivery_id)
    attempt = delivery.attempts + 1
    payloads: list = [
        WebhookAttempted(
            delivery_id=delivery.delivery_id, subscription_id=delivery.subscription_id, attempt=attempt,
            url=delivery.url, status_code=result.status_code, latency_ms=result.latency_ms, error=result.error,
            outcome=outcome, next_attempt_at=next_attempt_at,
        )
    ]
    if outcome == "delivered":
        payloads.append(WebhookDelivered(
            delivery_id=delivery.delivery_id, subscription_id=delivery.subscription_id, attempts=attempt,
            status_code=result.status_code or 0,
            seconds_since_claim=(now - delivery.claim_observed_at).total_seconds(),
        ))
    elif outcome in ("dead_lettered", "gone"):
        payloads.append(WebhookDeadLettered(
            delivery_id=delivery.delivery_id, subscription_id=delivery.subscription_id, attempts=attempt,
            last_error=result.error or f"HTTP {result.status_code}",
        ))
    await uow.lock()
    # the facts happened when the answer came, not when they were written down
    events = [Event.new(p, stream_id=stream, source=SOURCE, subject=delivery.delivery_id).replace(time=now) for p in payloads]
    recorded = await uow.record(stream, events)
    if outcome == "gone":
        try:
            await update_subscription(uow, delivery.subscription_id, {"enabled": False},
                                      reason="the endpoint answered 410 Gone")
        except SubscriptionNotFound:
            pass
    return recorded


async def redeliver(uow: UnitOfWork, delivery_id: str, reason: str | None = None) -> None:
    """Queue a delivered or dead-lettered message again, with its original `webhook-id`."""
    await uow.lock()
    row = (await uow.conn.execute(
        select(deliveries.c.status, deliveries.c.subscription_id).where(deliveries.c.delivery_id == delivery_id)
    )).first()
    if row is None:
        raise DeliveryNotFound(delivery_id)
    if row.status == "pending":
        raise DeliveryPending(f"delivery {delivery_id} is still queued")
    stream = delivery_stream(delivery_id)
    payload = WebhookRedeliveryRequested(delivery_id=delivery_id, subscription_id=row.subscription_id, reason=reason)
    await uow.record(stream, [Event.new(payload, stream_id=stream, source=SOURCE, subject=delivery_id)])


async def redeliver_dead_lettered(uow: UnitOfWork, subscription_id: str | None = None, reason: str | None = None) -> list[str]:
    await uow.lock()
    query = select(deliveries.c.delivery_id).where(deliveries.c.status == "dead_lettered")
    if subscription_id is not None:
        query = query.where(deliveries.c.subscription_id == subscription_id)
    ids = [r.delivery_id for r in await uow.conn.execute(query.order_by(deliveries.c.queued_at))]
    for delivery_id in ids:
        await redeliver(uow, delivery_id, reason)
    return ids
