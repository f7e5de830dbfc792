"""The story event that records a decision: a story started, or an item merged into one."""

from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.dedupe.decision import Decision, Outcome
from shared.events import Event
from shared.events.news import NewsItemIngested
from shared.events.stories import StoryItem, StoryItemMerged, StoryStarted, story_stream
from shared.readmodel.stories.tables import story_items

SOURCE = "sitrep/dedupe"


def story_item(event: Event, item: NewsItemIngested) -> StoryItem:
    return StoryItem(
        item_event_id=event.id,
        item_stream_id=event.stream_id,
        source_id=item.source_id,
        source_owner=item.source_owner,
        source_country=item.source_country,
        source_official=item.source_official,
        url=item.url,
        title=item.title,
        text=item.text,
        language=item.language,
        published_at=item.published_at,
    )


async def source_count(conn: AsyncConnection, story_id: str, source_id: str) -> int:
    """Distinct sources of the story once this source joins it (the projection is in this transaction)."""
    others = (
        select(func.count(distinct(story_items.c.source_id)))
        .where(story_items.c.story_id == story_id, story_items.c.source_id != source_id)
    )
    return (await conn.execute(others)).scalar_one() + 1


async def story_event(conn: AsyncConnection, decision: Decision, event: Event, item: NewsItemIngested,
                      incident_id: str | None = None) -> Event:
    """The event for a NEW, EXACT or NEAR_DUPLICATE decision, caused by the item's event, naming
    the story's incident."""
    story_id = decision.story_id
    assert story_id is not None and decision.outcome is not Outcome.REPEAT
    entry = story_item(event, item)
    if decision.outcome is Outcome.NEW:
        payload = StoryStarted(story_id=story_id, item=entry, first_seen_at=event.time, incident_id=incident_id)
    else:
        assert decision.method is not None
        payload = StoryItemMerged(
            story_id=story_id, item=entry, method=decision.method.value, similarity=decision.similarity,
            source_count=await source_count(conn, story_id, item.source_id), incident_id=incident_id,
        )
    return Event.new(payload, stream_id=story_stream(story_id), source=SOURCE, subject=story_id, caused_by=event)
