"""Put a new story in an incident, or take a grown story out of one: lock, look up, decide, record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from services.dedupe.incidents.decision import (
    IncidentConfig,
    Profile,
    Similarity,
    Verdict,
    decide_incident,
    still_belongs,
    story_vector,
)
from services.dedupe.incidents.lookup import lookup_keys
from services.dedupe.incidents.memory import IncidentIndex
from services.dedupe.incidents.report import Report


class Change(StrEnum):
    OPENED = "opened"
    JOINED = "joined"
    SPLIT = "split"
    STAYED = "stayed"


@dataclass(frozen=True, slots=True)
class IncidentOutcome:
    change: Change
    incident_id: str
    story_count: int
    similarity: Similarity | None = None
    merged: tuple[tuple[str, Similarity], ...] = ()
    left: str | None = None
    """For a split: the incident the story left."""
    reason: str = ""


def _grown(report: Report, item: Report) -> Report:
    keys = dict(report.keys)
    for key, count in item.keys.items():
        keys[key] = keys.get(key, 0) + count
    return Report(keys, report.time, report.dates | item.dates, report.language, report.follow_ups)


async def assign_incident(
    index: IncidentIndex, story_id: str, report: Report, config: IncidentConfig, new_id: Callable[[], str]
) -> IncidentOutcome:
    """The incident of a story that has just started. With the PostgreSQL index this runs in the
    caller's transaction: the lock on the story's keys makes two stories of one incident, decided
    by two instances at once, meet rather than open two."""
    rarity = await index.rarity(report)
    keys = lookup_keys(report, rarity, config.lookup_keys)
    await index.lock(keys)
    found = await index.candidates(keys, rarity, report.time, config.window, config.max_candidates)
    vector = story_vector(report, rarity)
    decision = decide_incident(report, found, rarity, config, vector)
    if decision.verdict is Verdict.OPENED:
        profile = Profile.of(new_id(), report, rarity, vector)
        change = Change.OPENED
    else:
        read = {p.incident_id: p for p in found}  # live incidents, read under the lock just taken
        assert decision.incident_id is not None
        held = read.get(decision.incident_id) or await index.profile(decision.incident_id)
        assert held is not None
        profile = held.plus(report, rarity)
        for absorbed_id, _ in decision.merged:
            other = read.get(absorbed_id) or await index.profile(absorbed_id)
            if other is not None:
                profile = profile.absorb(other)
                await index.absorb(profile, absorbed_id)
        change = Change.JOINED
    await index.file_story(profile, keys, story_id, report)
    return IncidentOutcome(change, profile.incident_id, profile.story_count, decision.similarity, decision.merged,
                           reason=decision.reason)


async def reassess_incident(
    index: IncidentIndex, story_id: str, item: Report, config: IncidentConfig, new_id: Callable[[], str]
) -> IncidentOutcome | None:
    """After an item joins a story: the story, with what the item adds, either still reports the
    rest of its incident (stays) or leaves it for an incident of its own (a split). A story first
    known by its headline alone is where a fuller copy tells otherwise. None: the story has no
    incident in the index (older than its memory)."""
    held = await index.story(story_id)
    if held is None:
        return None
    incident_id, report = held
    profile = await index.profile(incident_id)
    if profile is None:
        return None
    if profile.story_count < 2:
        return IncidentOutcome(Change.STAYED, incident_id, profile.story_count)
    grown = _grown(report, item)
    rarity = await index.rarity(grown)
    keys = lookup_keys(grown, rarity, config.lookup_keys)
    await index.lock(keys)
    belongs, sim = still_belongs(grown, profile.minus(report), rarity, config)
    if belongs:
        return IncidentOutcome(Change.STAYED, incident_id, profile.story_count, sim)
    await index.save(profile.minus(report), [], report.time)
    fresh = Profile.of(new_id(), grown, rarity)
    await index.save(fresh, keys, grown.time)
    await index.place(story_id, fresh.incident_id, grown)
    return IncidentOutcome(Change.SPLIT, fresh.incident_id, 1, sim, left=incident_id,
                           reason=f"with its new item the story no longer reports the incident (score {sim.score})")
