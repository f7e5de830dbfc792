"""Dedupe over an archive of items (JSON lines), with the service's own decision and an in-memory index:
what `sitrep dedupe cluster`, the labelled-set tests and the benchmarks run (both tiers: stories,
then incidents)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from services.dedupe.assign import assign_story
from services.dedupe.decision import Outcome
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter, Item
from services.dedupe.incidents.memory import InMemoryIncidentIndex
from services.dedupe.incidents.story import place_story
from services.dedupe.index.memory import InMemoryStoryIndex
from shared.text.boilerplate import HostBoilerplate, host_of, text_lines

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
        language=record.get("language") or record.get("lang") or None,
    )


@dataclass(frozen=True, slots=True)
class Assignment:
    item_id: str
    story_id: str
    incident_id: str | None
    """None for a repeat, or without incidents."""


async def stream_assignments(
    items: Iterable[Item], config: DedupeConfig, hosts: HostBoilerplate | None = None, incidents: bool = True
) -> AsyncIterator[Assignment]:
    """Each item's story and incident as it is decided; a story and an incident are named after
    their first item. Each host's boilerplate is learnt as its items go by (in ``hosts``, if
    given, else afresh)."""
    fingerprint = Fingerprinter(config)
    index, incident_index = InMemoryStoryIndex(), InMemoryIncidentIndex()
    hosts = hosts if hosts is not None else HostBoilerplate()
    now = datetime.now(UTC)
    latest: datetime | None = None
    for n, item in enumerate(items, 1):
        host, lines = host_of(item.url), text_lines(item.text)
        fp = fingerprint(item, seen_at=now, boilerplate=hosts.boilerplate(host, lines), lines=lines)
        decision = await assign_story(index, fp, config, new_story_id=lambda: item.id)
        assert decision.story_id is not None
        incident_id = None
        if decision.outcome is not Outcome.REPEAT:
            hosts.observe(host, lines)
            if incidents:
                outcome = await place_story(incident_index, decision, fp, item.language, config, lambda: item.id)
                incident_id = outcome.incident_id if outcome else None
        yield Assignment(item.id, decision.story_id, incident_id)
        latest = fp.time if latest is None or fp.time > latest else latest
        if n % PRUNE_EVERY == 0:
            await index.prune(latest - config.window)
            incident_index.prune(latest - 2 * config.incidents.window)


async def stream_clusters(
    items: Iterable[Item], config: DedupeConfig, hosts: HostBoilerplate | None = None
) -> AsyncIterator[tuple[str, str]]:
    """(item id, story id) for each item as it is decided (the first tier alone)."""
    async for assignment in stream_assignments(items, config, hosts, incidents=False):
        yield assignment.item_id, assignment.story_id


async def cluster_items(
    items: Iterable[Item], config: DedupeConfig, hosts: HostBoilerplate | None = None
) -> list[tuple[str, str]]:
    return [pair async for pair in stream_clusters(items, config, hosts)]
