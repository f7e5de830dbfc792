"""Keeps `incidents` and `incident_stories` in step with incident events."""

from __future__ import annotations

from sqlalchemy import func, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.incidents import IncidentMerged, IncidentOpened, IncidentSplit, StoryJoinedIncident
from shared.readmodel.incidents.tables import incident_stories, incidents


class IncidentsProjection:
    name = "incidents"
    handles = frozenset({"incident.opened", "story.joined_incident", "incident.merged", "incident.split"})
    tables = (incidents, incident_stories)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        if isinstance(payload, IncidentOpened):
            await self._open(conn, payload.incident_id, payload.title, payload.language, payload.reported_at, event)
            await self._place(conn, payload.story_id, payload.incident_id, payload.title, payload.language,
                              payload.reported_at, None, event)
        elif isinstance(payload, StoryJoinedIncident):
            await self._place(conn, payload.story_id, payload.incident_id, payload.title, payload.language,
                              payload.reported_at, payload.evidence.score, event)
        elif isinstance(payload, IncidentMerged):
            await conn.execute(update(incident_stories).where(incident_stories.c.incident_id == payload.incident_id)
                               .values(incident_id=payload.into_incident_id))
            await conn.execute(update(incidents).where(incidents.c.incident_id == payload.incident_id)
                               .values(merged_into=payload.into_incident_id, story_count=0, updated_at=event.time))
            await self._recount(conn, payload.into_incident_id, event)
        elif isinstance(payload, IncidentSplit):
            row = (await conn.execute(select(incident_stories).where(
                incident_stories.c.story_id == payload.story_id))).mappings().first()
            title = row["title"] if row else ""
            reported_at = row["reported_at"] if row else event.time
            language = row["language"] if row else None
            await self._open(conn, payload.new_incident_id, title, language, reported_at, event)
            await conn.execute(update(incident_stories).where(incident_stories.c.story_id == payload.story_id)
                               .values(incident_id=payload.new_incident_id, score=None, joined_at=event.time))
            await self._recount(conn, payload.incident_id, event)
            await self._recount(conn, payload.new_incident_id, event)

    async def _open(self, conn: AsyncConnection, incident_id: str, title: str, language: str | None,
                    reported_at, event: Event) -> None:
        await conn.execute(
            pg_insert(incidents).values(
                incident_id=incident_id, title=title, language=language, opened_at=event.time,
                first_reported_at=reported_at, last_reported_at=reported_at, updated_at=event.time, story_count=0,
            ).on_conflict_do_nothing()
        )

    async def _place(self, conn: AsyncConnection, story_id: str, incident_id: str, title: str,
                     language: str | None, reported_at, score: float | None, event: Event) -> None:
        await conn.execute(
            pg_insert(incident_stories).values(
                story_id=story_id, incident_id=incident_id, joined_at=event.time, reported_at=reported_at,
                title=title, language=language, score=score,
            ).on_conflict_do_update(
                index_elements=["story_id"], set_={"incident_id": incident_id, "score": score, "joined_at": event.time}
            )
        )
        await self._recount(conn, incident_id, event)

    async def _recount(self, conn: AsyncConnection, incident_id: str, event: Event) -> None:
        """The incident's story count and time span from its stories, in one statement (a span
        stays as it was while the incident has no story)."""
        span = (
            select(literal(incident_id).label("incident_id"), func.count().label("stories"),
                   func.min(incident_stories.c.reported_at).label("first"),
                   func.max(incident_stories.c.reported_at).label("last"))
            .where(incident_stories.c.incident_id == incident_id)
            .subquery()
        )
        await conn.execute(
            update(incidents).where(incidents.c.incident_id == span.c.incident_id).values(
                story_count=span.c.stories,
                first_reported_at=func.coalesce(span.c.first, incidents.c.first_reported_at),
                last_reported_at=func.coalesce(span.c.last, incidents.c.last_reported_at),
                updated_at=event.time,
            )
        )
