"""Webhook subscriptions, event-sourced. Signing secrets never enter the log: events name a
secret only by its `key_id` (a fingerprint), the secret itself is kept beside the projection."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shared.claims.model import Context
from shared.events.registry import EventPayload

NoveltyKind = Literal["new", "updated", "corroborated", "historical"]


class SubscriptionFilters(BaseModel):
    """Which claims a subscriber wants. An empty list means "any"; every given filter must hold.

    `contexts` defaults to armed conflict only: Covid tolls and road accidents in general news are
    claims too, but not what a conflict desk subscribes to. A claim read before contexts were
    recorded has none and passes it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kinds: list[Literal["casualty", "ceasefire"]] = []
    categories: list[str] = []
    novelty: list[NoveltyKind] = Field(default_factory=lambda: ["new", "updated"])
    sides: list[str] = []
    parties: list[str] = []
    claimants: list[str] = []
    official_only: bool = False
    countries: list[str] = []
    languages: list[str] = []
    keywords: list[str] = []
    min_count: int | None = Field(default=None, ge=0)
    subjects: list[str] = []
    contexts: list[Context] = Field(default_factory=lambda: ["armed_conflict"])
    conflicts: list[str] = []
    claimant_parties: list[str] = []
    per_incident: bool = False
    """One alert per incident rather than per claim: the first matching claim of an incident is
    sent, later claims of the same incident are not (the alert names its incident)."""

    @field_validator("novelty")
    @classmethod
    def _some_novelty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("novelty must name at least one of new, updated, corroborated, historical")
        return value


class SubscriptionSettings(BaseModel):
    """What a subscriber sets; also the shape of `subscription.updated`'s changes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    description: str | None = None
    filters: SubscriptionFilters = SubscriptionFilters()
    enabled: bool = True


class SubscriptionCreated(EventPayload):
    event_type = "subscription.created"

    subscription_id: str
    settings: SubscriptionSettings
    key_id: str


class SubscriptionUpdated(EventPayload):
    event_type = "subscription.updated"

    subscription_id: str
    changes: dict[str, Any]
    reason: str | None = None


class SubscriptionDeleted(EventPayload):
    event_type = "subscription.deleted"

    subscription_id: str
    reason: str | None = None


class SubscriptionSecretRotated(EventPayload):
    event_type = "subscription.secret_rotated"

    subscription_id: str
    key_id: str
    previous_key_id: str
    previous_expires_at: datetime


def subscription_stream(subscription_id: str) -> str:
    return f"subscription-{subscription_id}"
