"""Webhook subscriptions as the API shows and accepts them. Secrets appear only in the answers
that make one (create, rotate), and only the first time."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.api.claims.schemas import Category, ContextName
from services.api.exports import Format
from services.api.fields import Country, HttpUrl, Language, Text
from services.api.pagination import Page
from shared.claims.model import CONTEXTS
from shared.events.subscriptions import NoveltyKind, SubscriptionFilters

MAX_VALUES = 50
MAX_OVERLAP_S = 30 * 24 * 3600

Name = Text(200, min_length=1)
Names = Annotated[list[Name], Field(max_length=MAX_VALUES)]

FILTERS_EXAMPLE: dict[str, Any] = {
    "kinds": ["casualty", "ceasefire"],
    "categories": ["killed", "downed", "destroyed", "call", "violation"],
    "novelty": ["new", "updated"],
    "sides": ["Armenia", "Azerbaijan"],
    "min_count": 1,
}
CREATE_EXAMPLE: dict[str, Any] = {
    "url": "https://desk.example/hooks/sitrep",
    "description": "newsroom desk: casualties and ceasefires",
    "filters": FILTERS_EXAMPLE,
}
SUBSCRIPTION_EXAMPLE: dict[str, Any] = {
    "subscription_id": "01927c00-0000-7000-8000-0000000000f1",
    "url": CREATE_EXAMPLE["url"],
    "description": CREATE_EXAMPLE["description"],
    "filters": {
        **SubscriptionFilters().model_dump(mode="json"),
        **FILTERS_EXAMPLE,
    },
    "enabled": True,
    "disabled_reason": None,
    "key_id": "key_3f1c2a9b8d7e6f50",
    "created_at": "2020-09-27T08:00:00Z",
    "updated_at": "2020-09-27T08:00:00Z",
    "deleted_at": None,
    "version": 1,
}
SECRET_EXAMPLE = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class FilterFields(BaseModel):
    """Which claims to send; every filter given must hold, an empty list means any (WEBHOOKS.md)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [FILTERS_EXAMPLE]})

    kinds: list[Literal["casualty", "ceasefire"]] = Field([], max_length=2)
    categories: list[Category] = Field([], max_length=MAX_VALUES)
    novelty: list[NoveltyKind] = Field(["new", "updated"], min_length=1, max_length=4)
    sides: Names = Field([], description="Casualty claims: the side that suffered it contains one of these.")
    parties: Names = Field([], description="Ceasefire claims: a party contains one of these.")
    claimants: Names = Field([], description="The claimant contains one of these.")
    official_only: bool = False
    countries: list[Country] = Field([], max_length=MAX_VALUES, description="ISO 3166-1 alpha-2 of the source.")
    languages: list[Language] = Field([], max_length=MAX_VALUES)
    keywords: Names = Field([], description="Whole words or phrases in the sentence or the headline.")
    min_count: int | None = Field(None, ge=0, le=2**31 - 1, description="Casualty claims: the count reaches this.")
    subjects: Names = Field([], description="Casualty claims: what was hit, e.g. tank, soldier.")
    contexts: list[ContextName] = Field(
        ["armed_conflict"], max_length=len(CONTEXTS),
        description="What the claim is about; armed conflict only unless asked (e.g. add terrorism, unrest); "
        "an empty list means any.",
    )
    conflicts: Names = Field([], description='Armed-conflict claims of these conflicts, e.g. "russia-ukraine".')
    claimant_parties: Names = Field([], description="The claimant speaks for one of these parties, e.g. Ukraine.")


class SubscriptionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [CREATE_EXAMPLE]})

    url: HttpUrl = Field(description="Must resolve to a public address (unless the operator allows private ones).")
    description: Text(500) | None = None
    filters: FilterFields = Field(default_factory=FilterFields)
    enabled: bool = True


class SubscriptionPatch(BaseModel):
    """Only the fields present change; filters not named keep their values; `description` may be null."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"filters": {"novelty": ["new", "updated", "corroborated"]}, "reason": "r"}]},
    )

    url: HttpUrl | None = None
    description: Text(500) | None = None
    filters: FilterFields | None = None
    enabled: bool | None = None
    reason: Text(500, description="Why; kept in the `subscription.updated` event.") | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> SubscriptionPatch:
        for name in self.model_fields_set - {"description", "reason"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict[str, Any]:
        changes = {name: getattr(self, name) for name in self.model_fields_set - {"reason", "filters"}}
        if self.filters is not None:
            changes["filters"] = self.filters.model_dump(mode="json", exclude_unset=True)
        return changes


class Subscription(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SUBSCRIPTION_EXAMPLE]})

    subscription_id: str
    url: str
    description: str | None
    filters: SubscriptionFilters
    enabled: bool
    disabled_reason: str | None = Field(description="Why it was disabled, e.g. the endpoint answered 410 Gone.")
    key_id: str = Field(description="Fingerprint of the current signing secret (never the secret).")
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    version: int = Field(description="Version of the subscription's event stream.")


class NewSubscription(Subscription):
    model_config = ConfigDict(json_schema_extra={"examples": [{**SUBSCRIPTION_EXAMPLE, "secret": SECRET_EXAMPLE}]})

    secret: str | None = Field(
        description="The signing secret, shown only in the first answer; null when a retry with the same "
        "Idempotency-Key replays it (rotate the secret if it was lost)."
    )


class RotateSecret(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"overlap_s": 86400}]})

    overlap_s: float | None = Field(
        None, ge=0, le=MAX_OVERLAP_S, description="How long the previous secret keeps signing too (default a day)."
    )


class RotatedSecret(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"subscription_id": SUBSCRIPTION_EXAMPLE["subscription_id"], "key_id": "key_9a8b7c6d5e4f3a21",
                          "secret": SECRET_EXAMPLE, "overlap_s": 86400}]
        }
    )

    subscription_id: str
    key_id: str
    secret: str | None = Field(description="The new secret, shown only in the first answer.")
    overlap_s: float = Field(description="Seconds the previous secret keeps signing.")


class PingResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"delivered": True, "status_code": 200, "latency_ms": 41.7, "error": None}]}
    )

    delivered: bool = Field(description="The receiver answered 2xx.")
    status_code: int | None
    latency_ms: float
    error: str | None


class SubscriptionPage(Page[Subscription]):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [SUBSCRIPTION_EXAMPLE], "next": None}]})


class SubscriptionListQuery(BaseModel):
    enabled: bool | None = None
    include_deleted: bool = Field(False, description="Also list deleted subscriptions.")
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(100, ge=1, le=500, description="Page size.")
    format: Format = Field(Format.json, description="`csv` or `ndjson` stream every subscription instead of one page.")


CSV_COLUMNS = tuple(Subscription.model_fields)
