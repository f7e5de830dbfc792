"""Where dedupe remembers incidents: the protocol and the in-memory index (archives, tests).

Postings map each lookup key to the incidents filed under it, with the time of the story that
filed it, so a lookup reads only incidents of the window; a merged incident's postings point on
to the incident that absorbed it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Protocol

from services.dedupe.incidents.decision import Profile
from services.dedupe.incidents.report import Report
from services.dedupe.incidents.weights import InMemoryFrequencies, Rarity

MAX_POSTINGS_SCAN = 32
"""Only the newest incidents under a key are read: a key every story has cannot slow a lookup."""


class IncidentIndex(Protocol):
    async def lock(self, keys: list[str]) -> None:
        """Serialise against any other writer filing under one of these keys (until commit)."""

    async def rarity(self, report: Report) -> Rarity: ...

    async def count(self, report: Report) -> None:
        """Count a new story's keys in the window's frequencies."""

    async def candidates(self, keys: list[str], rarity: Rarity, time: datetime, window: timedelta,
                         limit: int) -> list[Profile]:
        """The ``limit`` incidents of the window filed under the most weight of ``keys``."""

    async def profile(self, incident_id: str) -> Profile | None: ...

    async def save(self, profile: Profile, keys: list[str], time: datetime) -> None:
        """Store the incident's profile and file it under ``keys``."""

    async def place(self, story_id: str, incident_id: str, report: Report) -> None:
        """Record the story as a member of the incident, with its report."""

    async def story(self, story_id: str) -> tuple[str, Report] | None:
        """The story's incident and report."""

    async def file_story(self, profile: Profile, keys: list[str], story_id: str, report: Report) -> None:
        """A new story's incident decided: `save` the incident under ``keys`` (at the story's
        time), `place` the story in it and `count` its keys, at once."""

    async def absorb(self, into: Profile, absorbed_id: str) -> None:
        """Move the absorbed incident's stories and postings to ``into`` (already summed)."""


def resolve(merged_into: dict[str, str], incident_id: str) -> str:
    while incident_id in merged_into:
        incident_id = merged_into[incident_id]
    return incident_id


class InMemoryIncidentIndex:
    def __init__(self) -> None:
        self.frequencies = InMemoryFrequencies()
        self._postings: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
        self._profiles: dict[str, Profile] = {}
        self._stories: dict[str, tuple[str, Report]] = {}
        self._merged_into: dict[str, str] = {}

    async def lock(self, keys: list[str]) -> None:
        return None

    async def rarity(self, report: Report) -> Rarity:
        return await self.frequencies.rarity(report.keys, report.time)

    async def count(self, report: Report) -> None:
        await self.frequencies.count(report.keys, report.time)

    async def candidates(self, keys: list[str], rarity: Rarity, time: datetime, window: timedelta,
                         limit: int) -> list[Profile]:
        shared: dict[str, float] = {}
        lo, hi = time - window, time + window
        postings, profiles, merged_into = self._postings, self._profiles, self._merged_into
        for key in keys:
            filed = postings.get(key)
            if not filed:
                continue
            weight = rarity.idf(key)
            for incident_id in {i for at, i in filed[-MAX_POSTINGS_SCAN:] if lo <= at <= hi}:
                live = resolve(merged_into, incident_id) if merged_into else incident_id
                if live in profiles:
                    shared[live] = shared.get(live, 0.0) + weight
        best = heapq.nsmallest(limit, [(-weight, i) for i, weight in shared.items()])
        return [self._profiles[i] for i in sorted(i for _, i in best)]

    async def profile(self, incident_id: str) -> Profile | None:
        return self._profiles.get(resolve(self._merged_into, incident_id))

    async def save(self, profile: Profile, keys: list[str], time: datetime) -> None:
        self._profiles[profile.incident_id] = profile
        for key in keys:
            self._postings[key].append((time, profile.incident_id))

    async def place(self, story_id: str, incident_id: str, report: Report) -> None:
        self._stories[story_id] = (incident_id, report)

    async def story(self, story_id: str) -> tuple[str, Report] | None:
        held = self._stories.get(story_id)
        if held is None:
            return None
        return resolve(self._merged_into, held[0]), held[1]

    async def file_story(self, profile: Profile, keys: list[str], story_id: str, report: Report) -> None:
        await self.save(profile, keys, report.time)
        await self.place(story_id, profile.incident_id, report)
        await self.count(report)

    async def absorb(self, into: Profile, absorbed_id: str) -> None:
        self._profiles[into.incident_id] = into
        self._profiles.pop(absorbed_id, None)
        self._merged_into[absorbed_id] = into.incident_id

    def prune(self, before: datetime) -> None:
        """Forget what is older than ``before``: postings, profiles, stories' reports (the counts
        keep their own window)."""
        for incident_id in [i for i, p in self._profiles.items() if p.last < before]:
            del self._profiles[incident_id]
        for story_id in [s for s, (_, r) in self._stories.items() if r.time < before]:
            del self._stories[story_id]
        for key in list(self._postings):
            kept = [(t, i) for t, i in self._postings[key] if t >= before]
            if kept:
                self._postings[key] = kept
            else:
                del self._postings[key]
