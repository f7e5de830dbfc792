"""Which incident a new story reports, given the incidents that share keys with it. Pure.

A story and an incident are compared on TF-IDF cosines of their keys (`report.py`), by channel:

- its words: words ≥ `words_threshold` with all keys ≥ `words_all_floor`, or all keys ≥
  `all_threshold`;
- what no language owns (names by skeleton, kinds of event, counts, dates): ≥ `free_threshold`
  across languages, ≥ `free_threshold_same_language` within one (where the words already had
  their say), shared in at least `min_channels` channels, a kind of event among them.

The thresholds were chosen on the labelled pairs (`tests/unit/dedupe/test_incident_pairs.py`).

A story whose headline names a follow-up (a funeral, a commemoration) never joins an incident
whose first story's did not, nor the other way round. The best match wins; a second incident the
story matches as strongly (`merge_threshold`) and that matches the first is merged into it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from services.dedupe.incidents.report import Report
from services.dedupe.incidents.vectors import Similarity, Vector, compare, weight
from services.dedupe.incidents.weights import Rarity


@dataclass(frozen=True)
class IncidentConfig:
    window: timedelta = timedelta(days=3)
    """A story joins an incident only if its time is within this of the incident's first story."""
    words_threshold: float = 0.3
    words_all_floor: float = 0.28
    all_threshold: float = 0.4
    free_threshold: float = 0.15
    min_channels: int = 2
    free_threshold_same_language: float = 0.35
    """In one language the words already speak; names and counts alone must say more there."""
    min_channels_same_language: int = 2
    channel_floor: float = 0.005
    concept_floor: float = 0.01
    merge_threshold: float = 0.5
    lookup_keys: int = 24
    """The rarest keys of a story under which it is filed and looked up."""
    max_candidates: int = 8
    """Incidents compared with a story: those sharing the most weight of its lookup keys."""


MAX_PROFILE_KEYS = 400
"""An incident keeps the keys of most weight: a long-running one does not grow without end."""


@dataclass(frozen=True)
class Profile:
    """An incident as the decision sees it: the summed key counts of its stories, and each key's
    rarity (IDF) when it was last counted; its vector is built once, on construction."""

    incident_id: str
    counts: Mapping[str, float]
    idf: Mapping[str, float]
    first: datetime
    last: datetime
    story_count: int
    languages: frozenset[str] = frozenset()
    follow_ups: frozenset[str] = frozenset()

    @property
    def vector(self) -> Vector:
        """Built on first use and kept (a profile is never changed, only replaced)."""
        built = self.__dict__.get("_vector")
        if built is None:
            built = Vector.of(self.counts, lambda k: self.idf.get(k, 0.0))
            object.__setattr__(self, "_vector", built)
        return built

    @classmethod
    def of(cls, incident_id: str, report: Report, rarity: Rarity, vector: Vector | None = None) -> Profile:
        """A new incident of one story: its vector is the story's (``vector``, when the caller
        has already built it with `story_vector`)."""
        langs = frozenset({report.language}) if report.language else frozenset()
        idf = rarity.of(report.keys)
        profile = cls(incident_id, dict(report.keys), idf, report.time, report.time, 1, langs, report.follow_ups)
        if vector is not None:
            object.__setattr__(profile, "_vector", vector)
        return profile

    def _with(self, counts: dict[str, float], idf: dict[str, float], **changes) -> Profile:
        if len(counts) > MAX_PROFILE_KEYS:
            kept = sorted(counts, key=lambda k: weight(k, counts[k], idf.get(k, 0.0)), reverse=True)[:MAX_PROFILE_KEYS]
            counts = {k: counts[k] for k in kept}
        idf = {k: idf[k] for k in counts if k in idf}
        return replace(self, counts=counts, idf=idf, **changes)

    def plus(self, report: Report, rarity: Rarity) -> Profile:
        counts, idf = dict(self.counts), dict(self.idf)
        for key, count in report.keys.items():
            counts[key] = counts.get(key, 0) + count
            idf[key] = rarity.idf(key)
        langs = self.languages | ({report.language} if report.language else set())
        return self._with(counts, idf, first=min(self.first, report.time), last=max(self.last, report.time),
                          story_count=self.story_count + 1, languages=langs)

    def absorb(self, other: Profile) -> Profile:
        counts, idf = dict(self.counts), {**other.idf, **self.idf}
        for key, count in other.counts.items():
            counts[key] = counts.get(key, 0) + count
        return self._with(counts, idf, first=min(self.first, other.first), last=max(self.last, other.last),
                          story_count=self.story_count + other.story_count,
                          languages=self.languages | other.languages)

    def minus(self, report: Report) -> Profile:
        counts = {k: c - report.keys.get(k, 0) for k, c in self.counts.items()}
        return self._with({k: c for k, c in counts.items() if c > 0}, dict(self.idf),
                          story_count=self.story_count - 1)


class Verdict(StrEnum):
    OPENED = "opened"
    JOINED = "joined"


@dataclass(frozen=True, slots=True)
class IncidentDecision:
    verdict: Verdict
    incident_id: str | None
    similarity: Similarity | None = None
    merged: tuple[tuple[str, Similarity], ...] = ()
    """Incidents absorbed into this one because the story matched them as well."""
    reason: str = ""


def story_vector(report: Report, rarity: Rarity) -> Vector:
    return Vector.of(report.keys, rarity.of(report.keys))


def similarity(story: Report, other: Profile, rarity: Rarity, explain: bool = False) -> Similarity:
    return compare(story_vector(story, rarity), other.vector, explain)


def matches(story: Report | Profile, incident: Profile, sim: Similarity, config: IncidentConfig) -> bool:
    if story.follow_ups != incident.follow_ups:
        return False
    if sim.all >= config.all_threshold:
        return True
    if sim.words >= config.words_threshold and sim.all >= config.words_all_floor:
        return True
    languages = story.languages if isinstance(story, Profile) else {story.language} - {None}
    same_language = bool(languages & incident.languages)
    strong = sum(1 for v in sim.channels.values() if v >= config.channel_floor)
    if same_language:
        threshold, channels = config.free_threshold_same_language, config.min_channels_same_language
    else:
        threshold, channels = config.free_threshold, config.min_channels
    return sim.free >= threshold and strong >= channels and sim.channels.get("c", 0.0) >= config.concept_floor


def in_window(story: Report, incident: Profile, config: IncidentConfig) -> bool:
    return abs(story.time - incident.first) <= config.window


def decide_incident(
    story: Report, candidates: Sequence[Profile], rarity: Rarity, config: IncidentConfig,
    vector: Vector | None = None,
) -> IncidentDecision:
    """Join the best-matching incident of the window, merging into it any other the story matches
    as strongly and that matches it; else open one (the caller names it)."""
    found: list[tuple[float, str, Profile, Similarity]] = []
    if vector is None:
        vector = story_vector(story, rarity)
    for incident in candidates:
        if not in_window(story, incident, config):
            continue
        sim = compare(vector, incident.vector)
        if matches(story, incident, sim, config):
            found.append((sim.score, incident.incident_id, incident, sim))
    if not found:
        return IncidentDecision(Verdict.OPENED, None, reason="no incident of the window reports the same")
    found.sort(key=lambda f: (-f[0], -f[2].story_count, f[1]))
    _, best_id, best, _ = found[0]
    best_sim = compare(vector, best.vector, explain=True)
    merged = []
    for score, incident_id, incident, sim in found[1:]:
        if score < config.merge_threshold:
            continue
        if matches(incident, best, compare(incident.vector, best.vector), config):
            merged.append((incident_id, compare(vector, incident.vector, explain=True)))
    reason = "shares " + ", ".join(best_sim.shared[:5])
    return IncidentDecision(Verdict.JOINED, best_id, best_sim, tuple(merged), reason)


def still_belongs(story: Report, rest: Profile, rarity: Rarity, config: IncidentConfig) -> tuple[bool, Similarity]:
    """Whether a story, grown by a new item, still reports the rest of its incident."""
    sim = similarity(story, rest, rarity, explain=True)
    return matches(story, rest, sim, config), sim
