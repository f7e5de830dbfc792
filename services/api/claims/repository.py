"""Reads the `claims` and `claim_observations` projections, the deliveries queued for a claim, and
each observation's evidence from its `claim.observed` event (offsets and source are kept only there)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.claims.schemas import ClaimAlert, ClaimFilters, ClaimSummary
from shared.eventstore import events
from shared.readmodel.claims.queries import EVIDENCE, OBSERVATION_EVENT, filtered
from shared.readmodel.claims.tables import claim_observations, claims
from shared.readmodel.deliveries.tables import deliveries
from shared.readmodel.incidents.tables import incident_stories
from shared.readmodel.stories.tables import stories

INCIDENT = (
    select(incident_stories.c.incident_id).where(incident_stories.c.story_id == claims.c.story_id)
    .scalar_subquery().label("incident_id")
)
"""The incident of the claim's first story."""
SUMMARY = (*(claims.c[name] for name in ClaimSummary.model_fields if name != "incident_id"), INCIDENT)
ALERT = tuple(deliveries.c[name] for name in ClaimAlert.model_fields)


async def list_claims(
    conn: AsyncConnection, after: tuple[datetime, str] | None, limit: int, filters: ClaimFilters
) -> list[dict[str, Any]]:
    """Newest first observation first."""
    query = select(*SUMMARY).order_by(claims.c.first_observed_at.desc(), claims.c.claim_id.desc()).limit(limit)
    if after:
        query = query.where(tuple_(claims.c.first_observed_at, claims.c.claim_id) < tuple_(*after))
    return [dict(row) for row in (await conn.execute(filtered(query, filters))).mappings()]


async def claims_of_story(conn: AsyncConnection, story_id: str) -> list[dict[str, Any]]:
    """Claims observed in a story, first observed first (a claim first read elsewhere included)."""
    in_story = select(claim_observations.c.claim_id).where(claim_observations.c.story_id == story_id)
    query = select(*SUMMARY).where(claims.c.claim_id.in_(in_story)).order_by(claims.c.first_observed_at, claims.c.claim_id)
    return [dict(row) for row in (await conn.execute(query)).mappings()]


def _evidence(row: Any) -> dict[str, Any]:
    evidence = row.evidence or {}
    return {
        "event_id": row.event_id,
        "novelty": row.novelty,
        "observed_at": row.observed_at,
        "sentence": row.sentence,
        "start": evidence.get("start", 0),
        "end": evidence.get("end", 0),
        "story": {"story_id": row.story_id, "title": row.story_title},
        "item": {
            "item_event_id": row.item_event_id,
            "title": evidence.get("title", ""),
            "url": row.source_url,
            "language": evidence.get("language"),
            "published_at": evidence.get("published_at"),
        },
        "source": {
            "source_id": row.source_id,
            "owner": evidence.get("source_owner"),
            "official": bool(evidence.get("source_official")),
            "country": evidence.get("source_country"),
        },
    }


async def _evidence_of(conn: AsyncConnection, claim_id: str) -> list[dict[str, Any]]:
    query = (
        select(claim_observations, EVIDENCE.label("evidence"), stories.c.title.label("story_title"))
        .select_from(
            claim_observations.join(events, OBSERVATION_EVENT).outerjoin(
                stories, stories.c.story_id == claim_observations.c.story_id
            )
        )
        .where(claim_observations.c.claim_id == claim_id)
        .order_by(events.c.position)
    )
    return [_evidence(row) for row in await conn.execute(query)]


async def _summaries(conn: AsyncConnection, *conditions: Any) -> Sequence[dict[str, Any]]:
    query = select(*SUMMARY).where(*conditions).order_by(claims.c.first_observed_at, claims.c.claim_id)
    return [dict(row) for row in (await conn.execute(query)).mappings()]


async def get_claim(conn: AsyncConnection, claim_id: str) -> dict[str, Any] | None:
    [claim, *_] = await _summaries(conn, claims.c.claim_id == claim_id) or [None]
    if claim is None:
        return None
    updates = await _summaries(conn, claims.c.claim_id == claim["refers_to"]) if claim["refers_to"] else []
    alerts = await conn.execute(
        select(*ALERT).where(deliveries.c.claim_id == claim_id).order_by(deliveries.c.queued_at, deliveries.c.delivery_id)
    )
    return {
        **claim,
        "evidence": await _evidence_of(conn, claim_id),
        "updates": updates[0] if updates else None,
        "updated_by": await _summaries(conn, claims.c.refers_to == claim_id, claims.c.novelty == "updated"),
        "alerts": [dict(row) for row in alerts.mappings()],
    }

