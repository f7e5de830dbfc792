"""The claim filters of `GET /v1/claims`, shared by the API and `sitrep claims list`.

`filters` is any object with the attributes below (the API's query model, the command line's
options); a None attribute does not filter.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Boolean, cast, exists, func, select, true
from sqlalchemy.dialects.postgresql import UUID

from shared.eventstore import events
from shared.readmodel.claims.tables import claim_observations, claims
from shared.readmodel.text_match import contains

EVIDENCE = events.c.data["evidence"]
OBSERVATION_EVENT = events.c.id == cast(claim_observations.c.event_id, UUID(as_uuid=False))
EXACT = ("kind", "category", "basis", "context", "conflict")


class ClaimFilter(Protocol):
    kind: str | None
    category: str | None
    novelty: str | None
    side: str | None
    claimant: str | None
    subject: str | None
    min_count: int | None
    official: bool | None
    language: str | None
    party: str | None
    basis: str | None
    context: str | None
    conflict: str | None
    story: str | None
    since: Any
    until: Any


def _observed(condition: Any) -> Any:
    return exists().where(claim_observations.c.claim_id == claims.c.claim_id, condition)


def _read_officially() -> Any:
    official = cast(EVIDENCE["source_official"].astext, Boolean)
    return exists(
        select(1)
        .select_from(claim_observations.join(events, OBSERVATION_EVENT))
        .where(claim_observations.c.claim_id == claims.c.claim_id, official.is_(true()))
    )


def filtered(query: Any, filters: ClaimFilter) -> Any:
    for name in EXACT:
        if (value := getattr(filters, name)) is not None:
            query = query.where(claims.c[name] == value)
    if filters.language is not None:
        query = query.where(func.lower(claims.c.language) == filters.language.lower())
    if filters.party is not None:
        query = query.where(func.lower(claims.c.claimant_party) == filters.party.lower())
    if filters.novelty == "corroborated":
        query = query.where(_observed(claim_observations.c.novelty == "corroborated"))
    elif filters.novelty is not None:
        query = query.where(claims.c.novelty == filters.novelty)
    if filters.side is not None:
        query = query.where(contains(claims.c.side, filters.side))
    if filters.claimant is not None:
        query = query.where(contains(claims.c.claimant, filters.claimant))
    if filters.subject is not None:
        query = query.where(func.lower(claims.c.subject) == filters.subject.lower())
    if filters.min_count is not None:
        lower = func.coalesce(claims.c.count_min, claims.c.count_max)
        query = query.where(lower >= filters.min_count)
    if filters.official is not None:
        query = query.where(_read_officially() if filters.official else ~_read_officially())
    if filters.story is not None:
        query = query.where(_observed(claim_observations.c.story_id == filters.story))
    if filters.since is not None:
        query = query.where(claims.c.first_observed_at >= filters.since)
    if filters.until is not None:
        query = query.where(claims.c.first_observed_at < filters.until)
    return query
