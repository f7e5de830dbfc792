"""Reads the `incidents` and `incident_stories` projections, newest incident first; merged incidents
are not listed (their stories are in the incident that absorbed them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.claims.repository import SUMMARY as CLAIM_SUMMARY
from services.api.incidents.schemas import IncidentFilters, IncidentSummary
from shared.readmodel.text_match import contains
from shared.readmodel.claims.tables import claim_observations, claims
from shared.readmodel.incidents.tables import incident_stories, incidents
from shared.readmodel.stories.tables import stories

SUMMARY = tuple(incidents.c[name] for name in IncidentSummary.model_fields)
MAX_MERGES = 8


async def list_incidents(
    conn: AsyncConnection, after: tuple[datetime, str] | None, limit: int, filters: IncidentFilters
) -> list[dict[str, Any]]:
    query = (select(*SUMMARY).where(incidents.c.merged_into.is_(None))
             .order_by(incidents.c.opened_at.desc(), incidents.c.incident_id.desc()).limit(limit))
    if after:
        query = query.where(tuple_(incidents.c.opened_at, incidents.c.incident_id) < tuple_(*after))
    if filters.since is not None:
        query = query.where(incidents.c.opened_at >= filters.since)
    if filters.until is not None:
        query = query.where(incidents.c.opened_at < filters.until)
    if filters.min_stories > 1:
        query = query.where(incidents.c.story_count >= filters.min_stories)
    if filters.language is not None:
        query = query.where(incidents.c.language == filters.language)
    if filters.q is not None:
        query = query.where(contains(incidents.c.title, filters.q))
    return [dict(row) for row in (await conn.execute(query)).mappings()]


async def live_incident_id(conn: AsyncConnection, incident_id: str) -> str | None:
    """The incident itself, or the one it was merged into (following a chain of merges)."""
    for _ in range(MAX_MERGES):
        row = (await conn.execute(select(incidents.c.merged_into).where(incidents.c.incident_id == incident_id))).first()
        if row is None:
            return None
        if row.merged_into is None:
            return incident_id
        incident_id = row.merged_into
    return None


async def get_incident(conn: AsyncConnection, incident_id: str) -> dict[str, Any] | None:
    incident = (await conn.execute(select(*SUMMARY).where(incidents.c.incident_id == incident_id))).mappings().first()
    if incident is None:
        return None
    members = await conn.execute(
        select(incident_stories.c.story_id, incident_stories.c.title, incident_stories.c.language, stories.c.url,
               incident_stories.c.reported_at, incident_stories.c.joined_at, incident_stories.c.score,
               stories.c.source_count.label("corroboration_count"))
        .select_from(incident_stories.outerjoin(stories, stories.c.story_id == incident_stories.c.story_id))
        .where(incident_stories.c.incident_id == incident_id)
        .order_by(incident_stories.c.reported_at, incident_stories.c.story_id)
    )
    in_incident = (select(claim_observations.c.claim_id)
                   .join(incident_stories, incident_stories.c.story_id == claim_observations.c.story_id)
                   .where(incident_stories.c.incident_id == incident_id))
    found = await conn.execute(select(*CLAIM_SUMMARY).where(claims.c.claim_id.in_(in_incident))
                               .order_by(claims.c.first_observed_at, claims.c.claim_id))
    merged = await conn.execute(select(incidents.c.incident_id).where(incidents.c.merged_into == incident_id)
                                .order_by(incidents.c.incident_id))
    story_list = [dict(r) for r in members.mappings()]
    return {**incident, "story_count": len(story_list), "stories": story_list,
            "claims": [dict(r) for r in found.mappings()], "merged_from": list(merged.scalars())}
