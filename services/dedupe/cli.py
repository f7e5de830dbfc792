"""``sitrep dedupe cluster``: the service's dedupe over a JSON-lines archive."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Annotated, TextIO

import typer

from services.dedupe.assign import assign_story
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter, Item
from services.dedupe.index import InMemoryStoryIndex

PRUNE_EVERY = 1000

dedupe_app = typer.Typer(help="Duplicate detection: merge copies of one story.")


@dedupe_app.callback()
def _group() -> None:
    """Duplicate detection: merge copies of one story."""


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


def _read_items(stream: TextIO) -> Iterator[Item]:
    for line_no, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield item_from_json(json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            raise typer.BadParameter(f"line {line_no}: not an item ({error})") from error


@dedupe_app.command()
def cluster(
    threshold: Annotated[float, typer.Option(help="Jaccard similarity to merge at.")] = 0.5,
    containment: Annotated[float, typer.Option(help="Share of the shorter text found in the longer.")] = 0.8,
    window_days: Annotated[float, typer.Option(help="Only items this close in time can merge.")] = 3.0,
    simhash_distance: Annotated[int, typer.Option(help="SimHash Hamming distance to merge at.")] = 3,
) -> None:
    """Read items as JSON lines on stdin; write {"id", "story"} per item on stdout."""
    config = DedupeConfig(
        jaccard_threshold=threshold,
        containment_threshold=containment,
        window=timedelta(days=window_days),
        simhash_distance=simhash_distance,
    )
    asyncio.run(_write_clusters(_read_items(sys.stdin), config, sys.stdout))


async def _write_clusters(items: Iterable[Item], config: DedupeConfig, out: TextIO) -> None:
    async for item_id, story_id in stream_clusters(items, config):
        out.write(json.dumps({"id": item_id, "story": story_id}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    dedupe_app()
