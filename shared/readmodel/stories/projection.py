"""Keeps `stories` and `story_items` in step with story events."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.stories import StoryItemMerged, StoryStarted
from shared.readmodel.stories.tables import stories, story_items


class StoriesProjection:
    name = "stories"
    handles = frozenset({"story.started", "story.item_merged"})
    tables = (stories, story_items)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        item = payload.item
        method = payload.method if isinstance(payload, StoryItemMerged) else None
        similarity = payload.similarity if isinstance(payload, StoryItemMerged) else None
        await conn.execute(
            pg_insert(story_items)
            .values(
                item_event_id=item.item_event_id,
                story_id=payload.story_id,
                item_stream_id=item.item_stream_id,
                source_id=item.source_id,
                source_owner=item.source_owner,
                source_country=item.source_country,
                url=item.url,
                title=item.title,
                published_at=item.published_at,
                method=method,
                similarity=similarity,
                merged_at=event.time,
            )
            .on_conflict_do_nothing()
        )
        if isinstance(payload, StoryStarted):
            await conn.execute(
                pg_insert(stories)
                .values(
                    story_id=payload.story_id,
                    title=item.title,
                    url=item.url,
                    language=item.language,
                    first_seen_at=payload.first_seen_at,
                    earliest_published_at=item.published_at,
                    updated_at=event.time,
                    item_count=1,
                    source_count=1,
                )
                .on_conflict_do_nothing()
            )
            return
        counts = (
            select(func.count(), func.count(func.distinct(story_items.c.source_id)))
            .where(story_items.c.story_id == payload.story_id)
        )
        item_count, source_count = (await conn.execute(counts)).one()
        await conn.execute(
            update(stories)
            .where(stories.c.story_id == payload.story_id)
            .values(
                updated_at=event.time,
                item_count=item_count,
                source_count=source_count,
                earliest_published_at=func.least(stories.c.earliest_published_at, item.published_at),
            )
        )
