"""The dedupe service through the real Kafka broker and PostgreSQL: copies from several feeds
become one story with every source, near-misses stay apart, two instances make one story, and a
crash in the middle of a stream loses and duplicates nothing."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from services.dedupe.archive import parse_time
from services.dedupe.bootstrap import main as dedupe_main
from services.dedupe.fingerprint import DedupeConfig
from services.dedupe.handler import ItemHandler
from shared.db import create_engine
from shared.kafka.topics import NEWS_STORIES
from shared.observability.health import Health
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database
from tests.support.dedupe import T0, consumed, ingested, publish, query, story_events
from tests.support.kafka import drain_topic
from tests.support.services import running, wait_for

pytestmark = pytest.mark.integration

WIRE = ("Armenia and Azerbaijan agreed to a humanitarian ceasefire from noon on October 10 after "
        "more than ten hours of talks in Moscow, Russian Foreign Minister Sergei Lavrov said. The "
        "truce is meant to allow the exchange of prisoners and the bodies of the dead, mediated by "
        "the International Committee of the Red Cross.")
COPY = "MOSCOW (Wire) — " + WIRE.replace("Lavrov said", "Lavrov said early on Saturday")
DRONES = ("Azerbaijan's Defence Ministry said on Monday that its air defence units had shot down "
          "12 Armenian drones over the front line in the past day. The ministry said the drones "
          "were destroyed near the Fuzuli and Jabrayil districts and that no positions were hit.")
OTHER_DAY = DRONES.replace("Monday", "Tuesday").replace("12 Armenian", "9 Armenian")
LABELLED = Path(__file__).parents[2] / "unit" / "dedupe" / "data" / "labelled.jsonl"


async def test_copies_from_different_feeds_become_one_story_with_every_source(settings):
    first = ingested("feed-a", "a-1", WIRE, title="Ceasefire agreed", url="https://wire.example/truce")
    near = ingested("feed-b", "b-1", COPY, title="Truce from noon", url="https://paper.example/truce", hours=2)
    same_url = ingested("feed-c", "c-1", WIRE, title="Ceasefire", url="https://WIRE.example/truce/?utm_source=x",
                        hours=-1)
    again = ingested("feed-a", "a-1", WIRE, title="Ceasefire agreed", url="https://wire.example/truce")
    before = _outcomes()
    async with running(settings, dedupe_main):
        await publish(settings, first)
        await consumed(settings, 1)
        await publish(settings, near, same_url, again)
        await consumed(settings, 4)
        on_kafka = await drain_topic(settings.kafka_bootstrap, settings.topic(NEWS_STORIES), expect=3)

    events = await story_events(settings)
    assert [e.type for e in events] == ["story.started", "story.item_merged", "story.item_merged"]
    assert len({e.story_id for e in events}) == 1
    started, *merged = events
    assert started.item == first.stream_id
    by_item = {e.item: e for e in merged}
    assert set(by_item) == {near.stream_id, same_url.stream_id}, "the repeat of feed-a's entry recorded nothing"
    assert by_item[same_url.stream_id].method == "url" and by_item[same_url.stream_id].similarity == 1.0
    assert by_item[near.stream_id].method in ("minhash", "containment", "simhash", "lead")
    assert 0.5 <= by_item[near.stream_id].similarity < 1.0
    assert sorted(e.source_count for e in merged) == [2, 3]

    [story] = await query(settings, "SELECT * FROM stories")
    assert (story.item_count, story.source_count) == (3, 3)
    assert story.first_seen_at == first.time
    assert story.earliest_published_at == same_url.payload().published_at
    sources = await query(settings, "SELECT source_id FROM story_items ORDER BY source_id")
    assert [s.source_id for s in sources] == ["feed-a", "feed-b", "feed-c"]
    assert {e.data["item"]["item_stream_id"] for e in on_kafka} == {first.stream_id, near.stream_id,
                                                                     same_url.stream_id}
    after = _outcomes()
    assert {k: after[k] - before[k] for k in after} == {"new": 1, "repeat": 1, "exact": 1, "near_duplicate": 1}


def _outcomes() -> dict[str, float]:
    return {o: REGISTRY.get_sample_value("sitrep_dedupe_items_total", {"outcome": o}) or 0.0
            for o in ("new", "repeat", "exact", "near_duplicate")}


async def test_near_misses_with_other_numbers_and_days_stay_apart(settings):
    monday = ingested("mod-az", "m-1", DRONES, title="12 drones downed on Monday")
    tuesday = ingested("mod-az", "m-2", OTHER_DAY, title="9 drones downed on Tuesday", hours=24)
    copy = ingested("wire", "w-1", DRONES.replace("said on Monday", "announced on Monday"),
                    title="Azerbaijan says 12 drones downed", hours=1)
    async with running(settings, dedupe_main):
        await publish(settings, monday, tuesday)
        await consumed(settings, 2)
        await publish(settings, copy)
        await consumed(settings, 3)

    events = await story_events(settings)
    story_of = {e.item: e.story_id for e in events}
    assert story_of[monday.stream_id] != story_of[tuesday.stream_id]
    assert story_of[copy.stream_id] == story_of[monday.stream_id]
    counts = await query(settings, "SELECT title, source_count FROM stories ORDER BY title")
    assert [(c.title, c.source_count) for c in counts] == [("12 drones downed on Monday", 2),
                                                           ("9 drones downed on Tuesday", 1)]


def _copies(n: int) -> list:
    return [ingested(f"outlet-{k}", f"c-{k}", COPY.replace("Saturday", f"Saturday {'again ' * k}"),
                     url=f"https://outlet-{k}.example/truce", hours=k / 10) for k in range(n)]


async def test_two_handlers_deciding_copies_at_the_same_moment_make_one_story(settings):
    copies = _copies(2)
    handler = ItemHandler(DedupeConfig())
    engines = [create_engine(settings) for _ in copies]  # two instances: two pools
    both_in = asyncio.Barrier(len(copies))

    async def instance(engine, event) -> None:
        async with Database(engine, all_projections()).transaction() as uow:
            await both_in.wait()
            await handler(uow, event)

    try:
        await asyncio.gather(*(instance(engine, event) for engine, event in zip(engines, copies, strict=True)))
    finally:
        for engine in engines:
            await engine.dispose()
    events = await story_events(settings)
    assert sorted(e.type for e in events) == ["story.item_merged", "story.started"]
    assert len({e.story_id for e in events}) == 1


async def test_two_dedupe_instances_consuming_copies_make_one_story(settings):
    copies = _copies(8)
    async with running(settings, dedupe_main, dedupe_main):
        await publish(settings, *copies)
        await consumed(settings, len(copies))

    events = await story_events(settings)
    assert len(events) == len(copies) and len({e.story_id for e in events}) == 1
    assert Counter(e.type for e in events) == {"story.started": 1, "story.item_merged": 7}
    [story] = await query(settings, "SELECT item_count, source_count FROM stories")
    assert tuple(story) == (8, 8)


def _labelled_items(clusters: int = 12, singletons: int = 6) -> tuple[list, dict[str, str]]:
    """Members of the first labelled stories that have copies, and a few stories of one item."""
    records = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    sizes = Counter(r["cluster"] for r in records)
    wanted = [c for c in dict.fromkeys(r["cluster"] for r in records) if sizes[c] > 1][:clusters]
    wanted += [c for c in dict.fromkeys(r["cluster"] for r in records) if sizes[c] == 1][:singletons]
    chosen = [r for r in records if r["cluster"] in set(wanted)]
    events = [ingested(r["source"] or "unknown", r["id"], r.get("text") or "", title=r.get("title") or "",
                       url=r.get("url"), published=parse_time(r.get("published")) or T0) for r in chosen]
    return events, {e.stream_id: r["cluster"] for e, r in zip(events, chosen, strict=True)}


async def test_a_crash_in_the_middle_of_a_stream_loses_and_duplicates_nothing(settings):
    items, label = _labelled_items()
    a_quarter = len(items) // 4

    async def trickle() -> None:
        for item in items:
            await publish(settings, item)
            await asyncio.sleep(0.05)

    sending = asyncio.create_task(trickle())
    stop = asyncio.Event()
    crashed = asyncio.create_task(dedupe_main(settings, stop, Health()))
    await wait_for("SELECT count(*) FROM story_items", lambda rows: rows[0][0] >= a_quarter, settings.database_url)
    crashed.cancel()  # no clean stop: whatever batch was in hand is cut off
    with contextlib.suppress(asyncio.CancelledError):
        await crashed
    async with running(settings, dedupe_main):
        await sending
        await consumed(settings, len(items))
        events = await story_events(settings)
        on_kafka = await drain_topic(settings.kafka_bootstrap, settings.topic(NEWS_STORIES), expect=len(events))

    assert sorted(e.item for e in events) == sorted(label), "every item in exactly one story event"
    stories: dict[str, set[str]] = {}
    for e in events:
        stories.setdefault(e.story_id, set()).add(label[e.item])
    assert all(len(clusters) == 1 for clusters in stories.values()), "no story mixes labelled stories"
    assert len(stories) == len(set(label.values())), "every labelled story is one story"
    assert Counter(e.type for e in events)["story.started"] == len(stories)
    assert {e.id for e in on_kafka} == set(await _story_event_ids(settings))


async def _story_event_ids(settings) -> list[str]:
    rows = await query(settings, "SELECT id::text FROM events WHERE type IN ('story.started', 'story.item_merged')")
    return [r[0] for r in rows]
