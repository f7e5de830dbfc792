"""Decides, for each ingested item, whether it starts a story or joins one."""

from __future__ import annotations

from sqlalchemy import select

from services.dedupe.tables import story_items
from shared.events import Event
from shared.events.news import NewsItemIngested
from shared.events.stories import StoryItem, StoryItemMerged, StoryStarted, story_stream
from shared.ids import new_id
from shared.unit_of_work import UnitOfWork

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


async def handle_item(uow: UnitOfWork, event: Event) -> None:
    item: NewsItemIngested = event.payload()
    conn = uow.conn
    seen = await conn.execute(select(story_items.c.story_id).where(story_items.c.item_stream_id == event.stream_id))
    if seen.first() is not None:
        return
    same_url = None
    if item.url:
        same_url = (
            await conn.execute(select(story_items.c.story_id).where(story_items.c.url == item.url).limit(1))
        ).scalar_one_or_none()
    entry = story_item(event, item)
    if same_url is None:
        story_id = new_id()
        payload = StoryStarted(story_id=story_id, item=entry, first_seen_at=event.time)
    else:
        story_id = same_url
        payload = StoryItemMerged(story_id=story_id, item=entry, method="url", similarity=1.0, source_count=0)
    stream = story_stream(story_id)
    await uow.record(stream, [Event.new(payload, stream_id=stream, source=SOURCE, subject=story_id, caused_by=event)])
