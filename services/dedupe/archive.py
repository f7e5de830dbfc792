"""Dedupe over an archive of items (JSON lines), with the service's own decision and an in-memory index:
what `sitrep dedupe cluster`, the labelled-set tests and the benchmarks run."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from services.dedupe.assign import assign_story
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter, Item
from services.dedupe.index.memory import InMemoryStoryIndex

PRUNE_EVERY = 1000


def parse_time(value: object) -> datetime | None:
    """ISO 8601 or RFC 822 time; naive times are taken as UTC."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def item_from_json(record: dict) -> Item:
    return Item(
        id=str(record["id"]),
        source=str(record.get("source") or ""),
        title=record.get("title") or "",
        text=record.get("text") or "",
        url=record.get("url") or None,
        published=parse_time(record.get("published")),
    )


async def stream_clusters(items: Iterable[Item], config: DedupeConfig) -> AsyncIterator[tuple[str, str]]:
    """(item id, story id) for each item as it is decided; a story is named after its first item."""
    fingerprint = Fingerprinter(config)
    index = InMemoryStoryIndex()
    now = datetime.now(UTC)
    latest: datetime | None = None
    for n, item in enumerate(items, 1):
        fp = fingerprint(item, seen_at=now)
        decision = await assign_story(index, fp, config, new_story_id=lambda: item.id)
        assert decision.story_id is not None
        yield item.id, decision.story_id
        latest = fp.time if latest is None or fp.time > latest else latest
        if n % PRUNE_EVERY == 0:
            await index.prune(latest - config.window)


async def cluster_items(items: Iterable[Item], config: DedupeConfig) -> list[tuple[str, str]]:
    return [pair async for pair in stream_clusters(items, config)]
