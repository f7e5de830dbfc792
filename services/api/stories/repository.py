"""Reads the `stories` and `story_items` projections, newest story first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.claims.repository import claims_of_story
from services.api.stories.schemas import StoryFilters
from shared.readmodel.feeds.tables import feeds
from shared.readmodel.incidents.tables import incident_stories
from shared.readmodel.stories.queries import filtered
from shared.readmodel.stories.tables import stories, story_items

INCIDENT = (
    select(incident_stories.c.incident_id).where(incident_stories.c.story_id == stories.c.story_id)
    .scalar_subquery().label("incident_id")
)
SUMMARY = (*[c for c in stories.c if c.name != "source_count"], stories.c.source_count.label("corroboration_count"),
           INCIDENT)


async def list_stories(
    conn: AsyncConnection, after: tuple[datetime, str] | None, limit: int, filters: StoryFilters
) -> list[dict[str, Any]]:
    query = select(*SUMMARY).order_by(stories.c.first_seen_at.desc(), stories.c.story_id.desc()).limit(limit)
    if after:
        query = query.where(tuple_(stories.c.first_seen_at, stories.c.story_id) < tuple_(*after))
    return [dict(row) for row in (await conn.execute(filtered(query, filters))).mappings()]


async def get_story(conn: AsyncConnection, story_id: str) -> dict[str, Any] | None:
    story = (await conn.execute(select(*SUMMARY).where(stories.c.story_id == story_id))).mappings().first()
    if story is None:
        return None
    items = await conn.execute(
        select(story_items)
        .where(story_items.c.story_id == story_id)
        .order_by(story_items.c.merged_at, story_items.c.item_event_id)
    )
    sources = await conn.execute(
        select(
            story_items.c.source_id,
            func.max(story_items.c.source_owner).label("owner"),
            func.max(story_items.c.source_country).label("country"),
            feeds.c.title,
            feeds.c.url,
            feeds.c.official,
            func.count().label("item_count"),
            func.min(story_items.c.published_at).label("first_published_at"),
        )
        .select_from(story_items.outerjoin(feeds, feeds.c.feed_id == story_items.c.source_id))
        .where(story_items.c.story_id == story_id)
        .group_by(story_items.c.source_id, feeds.c.title, feeds.c.url, feeds.c.official)
        .order_by(func.min(story_items.c.merged_at), story_items.c.source_id)
    )
    items, sources = list(items.mappings()), list(sources.mappings())
    # Counted from the lists themselves, so the answer agrees with itself even if a merge lands between reads.
    claims = await claims_of_story(conn, story_id)
    return {
        **story,
        "items": items,
        "sources": sources,
        "claims": claims,
        "item_count": len(items),
        "corroboration_count": len(sources),
    }
