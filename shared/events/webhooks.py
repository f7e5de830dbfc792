"""The life of one alert: queued for a subscriber, attempted, then delivered or dead-lettered.

Every event of one delivery lives in the stream `delivery-<id>`; `message_id` is the
`webhook-id` header, the same on every attempt and on a redelivery.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from shared.events.registry import EventPayload

AttemptOutcome = Literal["delivered", "retrying", "dead_lettered", "gone"]


class AlertQueued(EventPayload):
    event_type = "alert.queued"

    delivery_id: str
    message_id: str
    subscription_id: str
    claim_id: str
    claim_event_id: str
    story_id: str
    claim_observed_at: datetime
    first_attempt_at: datetime
    payload: dict[str, Any]
    incident_id: str | None = None
    """The incident the claim's story reports, when known."""


class WebhookAttempted(EventPayload):
    event_type = "webhook.attempted"

    delivery_id: str
    subscription_id: str
    attempt: int
    url: str
    status_code: int | None = None
    latency_ms: float
    error: str | None = None
    outcome: AttemptOutcome
    next_attempt_at: datetime | None = None


class WebhookDelivered(EventPayload):
    event_type = "webhook.delivered"

    delivery_id: str
    subscription_id: str
    attempts: int
    status_code: int
    seconds_since_claim: float


class WebhookDeadLettered(EventPayload):
    event_type = "webhook.dead_lettered"

    delivery_id: str
    subscription_id: str
    attempts: int
    last_error: str


class WebhookRedeliveryRequested(EventPayload):
    event_type = "webhook.redelivery_requested"

    delivery_id: str
    subscription_id: str
    reason: str | None = None


def delivery_stream(delivery_id: str) -> str:
    return f"delivery-{delivery_id}"
