"""Claims as the alerts service observes them: one `claim.observed` per claim in a story's item.

A claim keeps one id however many outlets carry it: the first observation opens the stream
`claim-<id>`, and each later repeat by another source is appended to that same stream as
`corroborated`. A revised count by the same claimant is a new claim that `refers_to` the one it
updates.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shared.claims.model import Basis, Context
from shared.events.registry import EventPayload

Novelty = Literal["new", "updated", "corroborated", "historical"]


class CountRange(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min: int | None = None
    max: int | None = None


class ClaimFields(BaseModel):
    """What the claim says, independent of where it was read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["casualty", "ceasefire"]
    category: str
    subject: str | None = None
    count: CountRange | None = None
    approximate: bool = False
    side: str | None = None
    claimant: str | None = None
    claimant_phrase: str | None = None
    parties: list[str] = []
    historical: bool = False
    place: str | None = None
    date: str | None = None
    mediator: str | None = None
    basis: Basis | None = None
    language: str | None = None
    claimant_party: str | None = None
    context: Context | None = None
    conflict: str | None = None


class Evidence(BaseModel):
    """Where the claim was read: the sentence, its offsets in the item's text, and the item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sentence: str
    start: int
    end: int
    story_id: str
    item_event_id: str
    item_stream_id: str
    source_id: str
    source_url: str | None = None
    source_owner: str | None = None
    source_official: bool = False
    source_country: str | None = None
    language: str | None = None
    title: str = ""
    published_at: datetime


class ClaimObserved(EventPayload):
    event_type = "claim.observed"

    claim_id: str
    novelty: Novelty
    refers_to: str | None = None
    identity_key: str
    series_key: str
    claim: ClaimFields
    evidence: Evidence


def claim_stream(claim_id: str) -> str:
    return f"claim-{claim_id}"
