"""The PostgreSQL story index: same decisions as in memory, shared, race-safe, durable."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from services.dedupe.archive import cluster_items, item_from_json
from services.dedupe.assign import assign_story
from services.dedupe.decision import Decision, Outcome
from services.dedupe.fingerprint import DedupeConfig, Fingerprint, Fingerprinter, Item
from services.dedupe.index.postgres import PgStoryIndex, dedupe_band, dedupe_entry

pytestmark = pytest.mark.integration

CONFIG = DedupeConfig()
T0 = datetime(2020, 10, 10, 12, tzinfo=UTC)
WIRE = ("Armenia and Azerbaijan agreed to a humanitarian ceasefire from noon on October 10 after "
        "more than ten hours of talks in Moscow, Russian Foreign Minister Sergei Lavrov said. The "
        "truce is meant to allow the exchange of prisoners and the bodies of the dead, mediated by "
        "the International Committee of the Red Cross.")
COPY = "MOSCOW (Wire) — " + WIRE.replace("Lavrov said", "Lavrov said early on Saturday")
NEAR_MISS = WIRE.replace("from noon on October 10", "from midnight on October 18").replace(
    "after more than ten hours of talks in Moscow", "after talks in Paris")
LABELLED = Path(__file__).parents[2] / "unit" / "dedupe" / "data" / "labelled.jsonl"
fingerprint = Fingerprinter(CONFIG)


def _fp(item_id: str, text: str, source: str, hours: float = 0) -> Fingerprint:
    return fingerprint(Item(id=item_id, source=source, text=text, published=T0 + timedelta(hours=hours)), T0)


async def _assign(engine: AsyncEngine, fp: Fingerprint, index_type=PgStoryIndex) -> Decision:
    async with engine.begin() as conn:
        return await assign_story(index_type(conn), fp, CONFIG, new_story_id=lambda: f"story:{fp.item_key}")


async def _count(engine: AsyncEngine, table) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(table))).scalar_one()


async def test_copies_from_two_feeds_make_one_story_and_near_misses_stay_apart(clean_engine):
    first = await _assign(clean_engine, _fp("a", WIRE, "feed-a"))
    copy = await _assign(clean_engine, _fp("b", COPY, "feed-b", hours=2))
    other = await _assign(clean_engine, _fp("c", NEAR_MISS, "feed-a", hours=170))
    other_soon = await _assign(clean_engine, _fp("d", NEAR_MISS, "feed-c", hours=20))
    assert first.outcome is Outcome.NEW
    assert (copy.outcome, copy.story_id) == (Outcome.NEAR_DUPLICATE, first.story_id)
    assert other.outcome is Outcome.NEW  # outside the window
    assert other_soon.outcome is Outcome.NEW and other_soon.story_id != first.story_id
    assert other_soon.rejected  # textually close, refused on its date and place


async def test_the_same_item_twice_changes_nothing(clean_engine):
    await _assign(clean_engine, _fp("a", WIRE, "feed-a"))
    rows = await _count(clean_engine, dedupe_band)
    again = await _assign(clean_engine, _fp("a", WIRE, "feed-a"))
    assert again.outcome is Outcome.REPEAT
    assert (await _count(clean_engine, dedupe_entry), await _count(clean_engine, dedupe_band)) == (1, rows)


async def test_a_new_connection_remembers_everything(clean_engine):
    first = await _assign(clean_engine, _fp("a", WIRE, "feed-a"))
    await clean_engine.dispose()  # every pooled connection closed: a restart as far as the index knows
    copy = await _assign(clean_engine, _fp("b", COPY, "feed-b"))
    assert copy.story_id == first.story_id


class _NoLockIndex(PgStoryIndex):
    async def lock(self, fp: Fingerprint) -> None:
        return None


async def _interleaved(engine: AsyncEngine, index_type) -> tuple[Decision, Decision]:
    """A files its copy and holds its transaction open while B looks up its own copy."""
    a_added, b_started = asyncio.Event(), asyncio.Event()

    async def instance_a() -> Decision:
        async with engine.begin() as conn:
            decision = await assign_story(index_type(conn), _fp("a", WIRE, "feed-a"), CONFIG, lambda: "story-a")
            a_added.set()
            await b_started.wait()
            await asyncio.sleep(0.3)  # B is now blocked (with the lock) or has already decided
            return decision

    async def instance_b() -> Decision:
        await a_added.wait()
        async with engine.begin() as conn:
            b_started.set()
            return await assign_story(index_type(conn), _fp("b", COPY, "feed-b"), CONFIG, lambda: "story-b")

    return tuple(await asyncio.gather(instance_a(), instance_b()))


async def test_without_the_lock_two_instances_would_make_two_stories(clean_engine):
    a, b = await _interleaved(clean_engine, _NoLockIndex)
    assert (a.story_id, b.story_id) == ("story-a", "story-b")


async def test_with_the_lock_two_instances_make_one_story(clean_engine):
    a, b = await _interleaved(clean_engine, PgStoryIndex)
    assert (a.story_id, b.story_id) == ("story-a", "story-a")
    assert b.outcome is Outcome.NEAR_DUPLICATE


async def test_many_instances_at_once_make_one_story(clean_engine):
    copies = [_fp(f"i{n}", COPY.replace("Saturday", f"Saturday {'again ' * n}"), f"feed-{n}") for n in range(8)]
    start = asyncio.Barrier(len(copies))

    async def instance(fp: Fingerprint) -> Decision:
        async with clean_engine.begin() as conn:
            await start.wait()
            return await assign_story(PgStoryIndex(conn), fp, CONFIG, lambda: f"story-{fp.item_key}")

    decisions = await asyncio.gather(*(instance(fp) for fp in copies))
    assert len({d.story_id for d in decisions}) == 1
    assert sum(d.outcome is Outcome.NEW for d in decisions) == 1


async def test_prune_forgets_old_entries_but_not_item_keys(clean_engine):
    await _assign(clean_engine, _fp("a", WIRE, "feed-a"))
    async with clean_engine.begin() as conn:
        assert await PgStoryIndex(conn).prune(T0 + timedelta(days=1)) == 1
    assert await _count(clean_engine, dedupe_band) == 0
    assert (await _assign(clean_engine, _fp("a", WIRE, "feed-a"))).outcome is Outcome.REPEAT
    assert (await _assign(clean_engine, _fp("b", COPY, "feed-b"))).outcome is Outcome.NEW


async def test_the_labelled_set_clusters_as_it_does_in_memory(clean_engine):
    records = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    items = [item_from_json(r) for r in records]
    in_memory = list(await cluster_items(items, CONFIG))
    in_pg = []
    async with clean_engine.connect() as conn:
        index = PgStoryIndex(conn)
        for item in items:
            async with conn.begin():
                decision = await assign_story(index, fingerprint(item, T0), CONFIG, lambda: item.id)
            in_pg.append((item.id, decision.story_id))
    assert in_pg == in_memory
