"""Claims as the API shows them: one row per claim however many outlets carried it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.api.exports import Format
from services.api.fields import Text, Time
from services.api.pagination import Page
from shared.claims.model import CASUALTY_CATEGORIES, CEASEFIRE_CATEGORIES, CONTEXTS

Category = Literal[CASUALTY_CATEGORIES + CEASEFIRE_CATEGORIES]  # type: ignore[valid-type]
ClaimNovelty = Literal["new", "updated", "corroborated", "historical"]
ContextName = Literal[CONTEXTS]  # type: ignore[valid-type]
BasisName = Literal["total", "increment"]

SUMMARY_EXAMPLE: dict[str, Any] = {
    "claim_id": "01927c00-0000-7000-8000-0000000000c1",
    "kind": "casualty",
    "category": "downed",
    "subject": "helicopter",
    "count_min": 4,
    "count_max": 4,
    "approximate": False,
    "side": "Azerbaijan",
    "claimant": "the head of the Nagorno-Karabakh defense agency",
    "parties": [],
    "historical": False,
    "place": None,
    "date": None,
    "mediator": None,
    "basis": None,
    "language": "en",
    "claimant_party": "Nagorno-Karabakh",
    "context": "armed_conflict",
    "conflict": "armenia-azerbaijan",
    "novelty": "new",
    "refers_to": None,
    "sentence": "The head of the Nagorno-Karabakh defense agency claimed to have shot down four Azerbaijani "
    "helicopters, 15 drones and 10 tanks.",
    "story_id": "01927b9e-7000-7000-8000-00000000abcd",
    "first_event_id": "01927c00-0000-7000-8000-0000000000e1",
    "published_at": "2020-09-27T08:05:00Z",
    "first_observed_at": "2020-09-27T08:20:01Z",
    "last_observed_at": "2020-09-27T09:00:00Z",
    "observation_count": 2,
    "source_count": 2,
}
EVIDENCE_EXAMPLE: dict[str, Any] = {
    "event_id": "01927c00-0000-7000-8000-0000000000e1",
    "novelty": "new",
    "observed_at": "2020-09-27T08:20:01Z",
    "sentence": SUMMARY_EXAMPLE["sentence"],
    "start": 42,
    "end": 170,
    "story": {"story_id": SUMMARY_EXAMPLE["story_id"], "title": "Nagorno-Karabakh says four helicopters downed"},
    "item": {
        "item_event_id": "01927b9e-7000-7000-8000-0000000000a1",
        "title": "Nagorno-Karabakh says four helicopters downed",
        "url": "https://news.example/karabakh-helicopters",
        "language": "en",
        "published_at": "2020-09-27T08:05:00Z",
    },
    "source": {"source_id": "01927b9e-6a3b-7000-8000-000000000001", "owner": "Artsakh MoD", "official": True,
               "country": "AM"},
}
ALERT_EXAMPLE: dict[str, Any] = {
    "delivery_id": "01927c00-0000-7000-8000-0000000000d1",
    "subscription_id": "01927c00-0000-7000-8000-0000000000f1",
    "message_id": "msg_01927c000000700080000000000000d1",
    "status": "delivered",
    "attempts": 1,
    "queued_at": "2020-09-27T08:20:01Z",
    "delivered_at": "2020-09-27T08:20:02Z",
    "dead_lettered_at": None,
    "last_status_code": 200,
}
DETAIL_EXAMPLE = {
    **SUMMARY_EXAMPLE,
    "evidence": [EVIDENCE_EXAMPLE],
    "updates": None,
    "updated_by": [],
    "alerts": [ALERT_EXAMPLE],
}


class ClaimSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

    claim_id: str
    kind: Literal["casualty", "ceasefire"]
    category: str
    subject: str | None = Field(description="What was hit (casualty claims): soldier, civilian, tank, drone…")
    count_min: int | None = Field(description="Lower bound of the count; null when open or not given.")
    count_max: int | None = Field(description="Upper bound of the count; null when open or not given.")
    approximate: bool = Field(description='"dozens", "about 20".')
    side: str | None = Field(description="Who suffered a casualty claim.")
    claimant: str | None = Field(description="Who makes the claim.")
    parties: list[str] = Field(description="Who a ceasefire claim concerns.")
    historical: bool
    place: str | None
    date: str | None
    mediator: str | None
    basis: BasisName | None = Field(description="Official tallies: the running total, or the day's increment.")
    language: str | None = Field(description="The language of the sentence (ISO 639-1).")
    claimant_party: str | None = Field(description="The belligerent the claimant speaks for.")
    context: ContextName | None = Field(
        description="What the claim is about: armed_conflict, terrorism, unrest, crime, accident_disaster, disease, "
        "other; null for claims read before contexts were recorded."
    )
    conflict: str | None = Field(description='Armed-conflict claims: the conflict, e.g. "armenia-azerbaijan".')
    novelty: str = Field(description="Novelty of its first observation: new, updated or historical.")
    refers_to: str | None = Field(description="The earlier claim an update revises.")
    sentence: str = Field(description="The sentence of its first observation.")
    story_id: str = Field(description="The story of its first observation.")
    incident_id: str | None = Field(None, description="The incident that story reports (`/v1/incidents/{id}`).")
    first_event_id: str = Field(description="The `claim.observed` event that opened the claim.")
    published_at: datetime
    first_observed_at: datetime
    last_observed_at: datetime
    observation_count: int
    source_count: int = Field(description="Distinct sources that carried the claim.")


class EvidenceStory(BaseModel):
    story_id: str
    title: str | None = Field(description="Null if the story is not (yet) in the stories projection.")


class EvidenceItem(BaseModel):
    item_event_id: str
    title: str
    url: str | None
    language: str | None
    published_at: datetime


class EvidenceSource(BaseModel):
    source_id: str
    owner: str | None
    official: bool
    country: str | None


class Evidence(BaseModel):
    """One observation of the claim: the sentence, its offsets in the item's text, where it was read."""

    model_config = ConfigDict(json_schema_extra={"examples": [EVIDENCE_EXAMPLE]})

    event_id: str = Field(description="The `claim.observed` event.")
    novelty: str = Field(description="new, updated or historical for the first; corroborated for repeats.")
    observed_at: datetime
    sentence: str
    start: int = Field(description="Offset of the sentence in the item's text (headline, blank line, body).")
    end: int
    story: EvidenceStory
    item: EvidenceItem
    source: EvidenceSource


class ClaimAlert(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ALERT_EXAMPLE]})

    delivery_id: str
    subscription_id: str
    message_id: str = Field(description="The `webhook-id` header of every attempt.")
    status: Literal["pending", "delivered", "dead_lettered"]
    attempts: int
    queued_at: datetime
    delivered_at: datetime | None
    dead_lettered_at: datetime | None
    last_status_code: int | None


class ClaimDetail(ClaimSummary):
    model_config = ConfigDict(json_schema_extra={"examples": [DETAIL_EXAMPLE]})

    evidence: list[Evidence] = Field(description="Every observation, first one first; later ones corroborate it.")
    updates: ClaimSummary | None = Field(description="The earlier claim whose count this one revises.")
    updated_by: list[ClaimSummary] = Field(description="Later claims that revise this one's count.")
    alerts: list[ClaimAlert] = Field(description="Webhook messages queued for this claim, one per subscription.")


class ClaimPage(Page[ClaimSummary]):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [SUMMARY_EXAMPLE], "next": None}]})


class ClaimFilters(BaseModel):
    kind: Literal["casualty", "ceasefire"] | None = None
    category: Category | None = Field(None, examples=["killed"])
    novelty: ClaimNovelty | None = Field(
        None,
        description="new, updated or historical: the claim's own novelty; corroborated: repeated by another source.",
    )
    side: Text(200, description="The side that suffered it contains this (case-insensitive).", examples=["Azerbaijan"]) | None = None
    claimant: Text(200, description="The claimant contains this (case-insensitive).", examples=["Ministry"]) | None = None
    subject: Text(100, description="What was hit, exactly (case-insensitive).", examples=["tank"]) | None = None
    min_count: int | None = Field(
        None, ge=0, le=2**31 - 1, description="The count's lower bound (or its upper bound when open below) reaches this."
    )
    official: bool | None = Field(None, description="true: only claims read in an official channel at least once.")
    language: Text(16, description="The sentence's language (ISO 639-1).", examples=["ru"]) | None = None
    party: Text(200, description="The claimant speaks for this party (case-insensitive).", examples=["Ukraine"]) | None = None
    basis: BasisName | None = Field(None, description="Official tallies: total or increment.")
    context: ContextName | None = Field(None, description="What the claim is about.", examples=["armed_conflict"])
    conflict: Text(100, description="The conflict, exactly.", examples=["russia-ukraine"]) | None = None
    story: Text(200, description="Observed in this story.") | None = None
    since: Time | None = Field(None, description="First observed at or after this instant.", examples=["2020-09-27T00:00:00Z"])
    until: Time | None = Field(None, description="First observed before this instant.", examples=["2020-10-01T00:00:00Z"])


class ClaimListQuery(ClaimFilters):
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(50, ge=1, le=500, description="Page size.")
    format: Format = Field(Format.json, description="`csv` or `ndjson` stream every matching claim instead of one page.")


CSV_COLUMNS = tuple(ClaimSummary.model_fields)
