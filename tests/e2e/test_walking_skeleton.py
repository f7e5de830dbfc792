"""The seed article goes from a local feed through ingest, dedupe and alerts, over the real
Kafka broker and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiokafka import AIOKafkaConsumer

from services.alerts.bootstrap import main as alerts_main
from services.dedupe.bootstrap import main as dedupe_main
from services.ingest.bootstrap import main as ingest_main
from shared.db import create_engine
from shared.events import Event
from shared.events.feeds import FeedSettings
from shared.kafka.topics import NEWS_ITEMS, NEWS_STORIES
from shared.readmodel.feeds.commands import register_feed
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database
from tests.conftest import shared_data_dir
from tests.support.services import running, wait_for
from tools.feed_server import FeedServer, Response


def seed_rss() -> str:
    text = next((shared_data_dir() / "seed").glob("*.txt")).read_text()
    published = format_datetime(datetime(2020, 9, 28, 9, 0, tzinfo=UTC))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Seed news</title><link>http://127.0.0.1/</link>
<item><title>Fighting erupts in Nagorno-Karabakh</title>
<link>http://127.0.0.1/news/nagorno-karabakh</link><guid>seed-000</guid>
<pubDate>{published}</pubDate><description>{escape(text)}</description></item>
</channel></rss>"""


async def read_topic(bootstrap: str, topic: str, count: int, timeout: float = 30) -> list[Event]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    events: list[Event] = []
    try:
        async with asyncio.timeout(timeout):
            while len(events) < count:
                for records in (await consumer.getmany(timeout_ms=500)).values():
                    events += [Event.from_json(r.value) for r in records]
    finally:
        await consumer.stop()
    return events


async def test_seed_article_flows_through_every_service(settings):
    with FeedServer() as server:
        server.route("/feed.xml", Response(200, {"Content-Type": "application/rss+xml"}, seed_rss()))
        db = Database(create_engine(settings), all_projections())
        async with db.transaction() as uow:
            feed_id = await register_feed(uow, FeedSettings(url=server.url("/feed.xml"), owner="Seed news"))
        await db.engine.dispose()

        async with running(settings, ingest_main, dedupe_main, alerts_main):
            rows = await wait_for(
                "SELECT next_offset FROM consumer_offsets WHERE group_id = :g",
                lambda rows: sum(r[0] for r in rows) >= 1,
                settings.database_url,
                g=settings.consumer_group("alerts"),
            )

        assert server.requests_for("/feed.xml"), "ingest never fetched the feed"
        events = await wait_for(
            "SELECT type, stream_id, causation_id, correlation_id, data FROM events ORDER BY position",
            lambda rows: True,
            settings.database_url,
        )
        types = [e.type for e in events]
        assert types[:3] == ["feed.registered", "news.item.ingested", "story.started"]
        assert set(types[3:]) == {"incident.opened", "claim.observed"}, \
            "dedupe opens the story's incident, alerts records the article's claims, nothing else"
        assert types.count("incident.opened") == 1
        item, story = events[1], events[2]
        assert item.data["source_id"] == feed_id
        # An RSS guid is a permalink unless it says otherwise, so it is resolved against the feed's URL.
        item_key = "guid:" + server.url("/seed-000")
        assert item.data["item_key"] == item_key
        assert "four Azerbaijani helicopters" in item.data["text"]
        assert story.data["item"]["item_stream_id"] == item.stream_id
        assert story.correlation_id == item.correlation_id
        assert sum(r[0] for r in rows) == 1, "alerts did not consume exactly the one story"

    on_items = await read_topic(settings.kafka_bootstrap, settings.topic(NEWS_ITEMS), 1)
    on_stories = await read_topic(settings.kafka_bootstrap, settings.topic(NEWS_STORIES), 1)
    assert [e.type for e in on_items] == ["news.item.ingested"]
    assert on_items[0].data["item_key"] == item_key
    assert [e.type for e in on_stories] == ["story.started"]
    assert on_stories[0].causation_id == on_items[0].id
