"""Items as ingest would publish them, put on `news.items`, and what dedupe made of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from shared.events import Event
from shared.events.news import NewsItemIngested, item_stream
from shared.kafka.producer import EventProducer
from shared.kafka.topics import NEWS_ITEMS, ensure_topics
from shared.settings import Settings
from tests.support.services import wait_for

T0 = datetime(2020, 10, 10, 12, tzinfo=UTC)


def ingested(source: str, key: str, text: str, *, title: str = "", url: str | None = None,
             published: datetime = T0, hours: float = 0, language: str = "en") -> Event:
    payload = NewsItemIngested(
        source_id=source, source_url=f"http://127.0.0.1/{source}.xml", source_kind="rss", item_key=key,
        url=url, title=title, text=text, published_at=published + timedelta(hours=hours),
        fetched_at=datetime.now(UTC), language=language,
    )
    return Event.new(payload, stream_id=item_stream(source, key), source="sitrep/ingest")


async def publish(settings: Settings, *items: Event) -> None:
    """Onto `news.items`, keyed by source as ingest's relay keys them."""
    topic = settings.topic(NEWS_ITEMS)
    await ensure_topics(settings.kafka_bootstrap, [topic])
    producer = EventProducer(settings.kafka_bootstrap, client_id="test-ingest")
    await producer.start()
    try:
        await producer.send_many([(topic, item, item.data["source_id"]) for item in items])
    finally:
        await producer.stop()


async def consumed(settings: Settings, messages: int, timeout: float = 60) -> None:
    """Wait until dedupe has committed `messages` offsets of `news.items` (a fresh topic)."""
    await wait_for("SELECT coalesce(sum(next_offset), 0) FROM consumer_offsets WHERE group_id = :g AND topic = :t",
                   lambda rows: rows[0][0] >= messages, settings.database_url, timeout=timeout,
                   g=settings.consumer_group("dedupe"), t=settings.topic(NEWS_ITEMS))


async def query(settings: Settings, sql: str, **params: Any) -> list[Any]:
    engine = create_async_engine(settings.database_url, pool_size=1)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text(sql), params)).all()
    finally:
        await engine.dispose()


async def story_events(settings: Settings) -> list[Any]:
    """(type, story id, item stream, source, method, similarity, source count), in log order."""
    return await query(settings, """
        SELECT type, data->>'story_id' AS story_id, data->'item'->>'item_stream_id' AS item,
               data->'item'->>'source_id' AS source, data->>'method' AS method,
               (data->>'similarity')::float AS similarity, (data->>'source_count')::int AS source_count
        FROM events WHERE type IN ('story.started', 'story.item_merged') ORDER BY position""")


async def incident_events(settings: Settings) -> list[Any]:
    """(type, incident id, story id, into / new incident id), in log order."""
    return await query(settings, """
        SELECT type, data->>'incident_id' AS incident_id, data->>'story_id' AS story_id,
               coalesce(data->>'into_incident_id', data->>'new_incident_id') AS other
        FROM events WHERE type LIKE 'incident.%' OR type = 'story.joined_incident' ORDER BY position""")
