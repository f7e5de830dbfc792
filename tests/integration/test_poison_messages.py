"""The dedupe service over the real broker and database, fed every kind of bad message on
`news.items`: each lands on the dead-letter topic with its reason, and the good items around them
(with or without headers) still become stories."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import orjson

from services.dedupe.bootstrap import main as dedupe_main
from services.ingest.check import process_document
from services.ingest.item import Source
from services.ingest.record import item_event
from shared.events import Event
from shared.kafka.producer import EventProducer
from shared.kafka.topics import NEWS_ITEMS, dead_letter_topic, ensure_topics
from tests.support.kafka import read_records
from tests.support.services import running, wait_for

NOW = datetime.now(UTC)


def good_items() -> list[Event]:
    rss = ('<rss version="2.0"><channel><title>t</title>'
           '<item><title>Four helicopters downed</title><link>https://a.example/1</link></item>'
           '<item><title>Ceasefire called for</title><link>https://a.example/2</link></item></channel></rss>')
    _, items = process_document(Source(id="src", url="https://a.example/rss"), rss.encode(), {}, NOW)
    return [item_event(item, "fetch-1") for item in items]


def envelope(event: Event, **changes) -> bytes:
    ce = {**event.to_cloudevent(), **changes}
    return orjson.dumps({k: v for k, v in ce.items() if v is not None})


def poison(template: Event) -> dict[str, bytes | None]:
    """What each bad message is, and its bytes; the reasons are checked against the DLQ's."""
    return {
        "not JSON": b'{"specversion": "1.0", "type": ',
        "must be a JSON object": b"[1, 2, 3]",
        "empty message": None,
        "specversion": envelope(template, specversion="0.3", id="p-spec"),
        "malformed event": envelope(template, type=None, id="p-missing"),
        "unknown event news.item.teleported v1": envelope(template, type="news.item.teleported", id="p-type"),
        "unknown event news.item.ingested v99": envelope(template, dataversion=99, id="p-version"),
        "validation error": envelope(template, data={"title": 42}, id="p-data"),
    }


async def test_bad_messages_are_dead_lettered_and_the_service_goes_on(settings):
    topic = settings.topic(NEWS_ITEMS)
    await ensure_topics(settings.kafka_bootstrap, [topic])
    first, second = good_items()
    bad = poison(first)
    producer = EventProducer(settings.kafka_bootstrap, client_id="test")
    await producer.start()
    try:
        for value in bad.values():
            await producer.send_raw(topic, value, b"src", [("ce_type", b"\xff\xfe not utf-8")])
        await producer.send(topic, first, key="src")
        await producer.send_raw(topic, second.to_json(), None, [])  # no key, no headers: the body says it all
        await producer.send_raw(topic, envelope(replace(first, id="p-last"), type="story.exploded"), b"src", [])
    finally:
        await producer.stop()

    async with running(settings, dedupe_main):
        stories = await wait_for("SELECT data->'item'->>'url' FROM events WHERE type = 'story.started'",
                                 lambda rows: len(rows) == 2, settings.database_url)
        dead = await read_records(settings.kafka_bootstrap, dead_letter_topic(topic), len(bad) + 1)

    assert sorted(row[0] for row in stories) == ["https://a.example/1", "https://a.example/2"]
    reasons = [dict(record.headers)["sitrep_error"].decode() for record in dead]
    for expected, reason in zip([*bad, "unknown event story.exploded"], reasons, strict=True):
        assert expected in reason, (expected, reason)
    assert [record.value for record in dead[: len(bad)]] == list(bad.values()), "dead letters keep the bytes"
    assert all(dict(record.headers)["sitrep_original_topic"] == topic.encode() for record in dead)
