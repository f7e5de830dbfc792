"""Webhook deliveries as the API shows them: one message per subscription and claim, every attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.api.exports import Format
from services.api.fields import Text
from services.api.pagination import Page

Status = Literal["pending", "delivered", "dead_lettered"]

ATTEMPT_EXAMPLE: dict[str, Any] = {
    "attempt": 1,
    "attempted_at": "2020-09-27T08:20:02Z",
    "url": "https://desk.example/hooks/sitrep",
    "status_code": 200,
    "latency_ms": 84.2,
    "error": None,
    "outcome": "delivered",
}
DELIVERY_EXAMPLE: dict[str, Any] = {
    "delivery_id": "01927c00-0000-7000-8000-0000000000d1",
    "message_id": "msg_01927c000000700080000000000000d1",
    "subscription_id": "01927c00-0000-7000-8000-0000000000f1",
    "claim_id": "01927c00-0000-7000-8000-0000000000c1",
    "story_id": "01927b9e-7000-7000-8000-00000000abcd",
    "status": "delivered",
    "attempt_count": 1,
    "queued_at": "2020-09-27T08:20:01Z",
    "next_attempt_at": None,
    "last_attempt_at": "2020-09-27T08:20:02Z",
    "last_status_code": 200,
    "last_error": None,
    "delivered_at": "2020-09-27T08:20:02Z",
    "dead_lettered_at": None,
    "attempts": [ATTEMPT_EXAMPLE],
}


class Attempt(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ATTEMPT_EXAMPLE]})

    attempt: int = Field(description="1 for the first call; counts on across redeliveries.")
    attempted_at: datetime
    url: str
    status_code: int | None = Field(description="The receiver's HTTP status; null when no answer came.")
    latency_ms: float
    error: str | None
    outcome: Literal["delivered", "retrying", "dead_lettered", "gone"]


class Delivery(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [DELIVERY_EXAMPLE]})

    delivery_id: str
    message_id: str = Field(description="The `webhook-id` header, the same on every attempt.")
    subscription_id: str
    claim_id: str
    story_id: str
    status: Status
    attempt_count: int
    queued_at: datetime
    next_attempt_at: datetime | None = Field(description="When a pending message is tried next.")
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    dead_lettered_at: datetime | None
    attempts: list[Attempt] = Field(description="Every attempt, first first.")


class DeliveryDetail(Delivery):
    model_config = ConfigDict(json_schema_extra={"examples": [{**DELIVERY_EXAMPLE, "payload": {"type": "claim.observed"}}]})

    payload: dict[str, Any] = Field(description="The body sent (WEBHOOKS.md, payload version 1).")


class DeliveryPage(Page[Delivery]):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [DELIVERY_EXAMPLE], "next": None}]})


class DeliveryListQuery(BaseModel):
    status: Status | None = None
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(50, ge=1, le=500, description="Page size.")
    format: Format = Field(Format.json, description="`csv` or `ndjson` stream every matching delivery instead of one page.")


class Redelivered(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"delivery_ids": [DELIVERY_EXAMPLE["delivery_id"]]}]})

    delivery_ids: list[str] = Field(description="The messages queued again, with their original `webhook-id`.")


CSV_COLUMNS = tuple(Delivery.model_fields)
