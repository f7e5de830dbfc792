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

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from services.dedupe.incidents.report import Report
from services.dedupe.incidents.weights import Rarity

CHANNEL_WEIGHTS = {"w": 1.0, "s": 1.0, "c": 0.6, "q": 0.8, "d": 0.8}
FREE = frozenset("scqd")


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


@dataclass(frozen=True, slots=True)
class Profile:
    """An incident as the decision sees it: the summed keys of its stories."""

    incident_id: str
    keys: Mapping[str, float]
    first: datetime
    last: datetime
    story_count: int
    languages: frozenset[str] = frozenset()
    follow_ups: frozenset[str] = frozenset()

    @classmethod
    def of(cls, incident_id: str, report: Report) -> Profile:
        langs = frozenset({report.language}) if report.language else frozenset()
        return cls(incident_id, dict(report.keys), report.time, report.time, 1, langs, report.follow_ups)

    def plus(self, report: Report) -> Profile:
        keys = dict(self.keys)
        for key, count in report.keys.items():
            keys[key] = keys.get(key, 0) + count
        langs = self.languages | ({report.language} if report.language else set())
        return Profile(self.incident_id, keys, min(self.first, report.time), max(self.last, report.time),
                       self.story_count + 1, langs, self.follow_ups)

    def absorb(self, other: Profile) -> Profile:
        keys = dict(self.keys)
        for key, count in other.keys.items():
            keys[key] = keys.get(key, 0) + count
        return Profile(self.incident_id, keys, min(self.first, other.first), max(self.last, other.last),
                       self.story_count + other.story_count, self.languages | other.languages, self.follow_ups)

    def minus(self, report: Report) -> Profile:
        keys = {k: c - report.keys.get(k, 0) for k, c in self.keys.items()}
        return Profile(self.incident_id, {k: c for k, c in keys.items() if c > 0}, self.first, self.last,
                       self.story_count - 1, self.languages, self.follow_ups)

    def as_report(self) -> Report:
        return Report(dict(self.keys), self.first, frozenset(), next(iter(self.languages), None), self.follow_ups)


class Verdict(StrEnum):
    OPENED = "opened"
    JOINED = "joined"


@dataclass(frozen=True, slots=True)
class Similarity:
    words: float
    free: float
    all: float
    channels: Mapping[str, float]
    shared: tuple[str, ...]
    """The shared keys that weigh most, strongest first (the reason, for people)."""

    @property
    def score(self) -> float:
        return round(max(self.all, self.free), 4)


@dataclass(frozen=True, slots=True)
class IncidentDecision:
    verdict: Verdict
    incident_id: str | None
    similarity: Similarity | None = None
    merged: tuple[tuple[str, Similarity], ...] = ()
    """Incidents absorbed into this one because the story matched them as well."""
    reason: str = ""


def _vector(keys: Mapping[str, float], rarity: Rarity, channels: frozenset[str] | None) -> dict[str, float]:
    out = {}
    for key, count in keys.items():
        if channels is not None and key[0] not in channels:
            continue
        weight = rarity.idf(key)
        if weight > 0 and count > 0:
            out[key] = (1 + math.log(count)) * weight * CHANNEL_WEIGHTS[key[0]]
    return out


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    na = math.sqrt(sum(x * x for x in a.values()))
    nb = math.sqrt(sum(x * x for x in b.values()))
    if not na or not nb:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return sum(x * big.get(k, 0.0) for k, x in small.items()) / (na * nb)


def similarity(a: Report, b: Mapping[str, float], rarity: Rarity) -> Similarity:
    va, vb = _vector(a.keys, rarity, None), _vector(b, rarity, None)
    words = _cosine({k: v for k, v in va.items() if k[0] == "w"}, {k: v for k, v in vb.items() if k[0] == "w"})
    fa = {k: v for k, v in va.items() if k[0] in FREE}
    fb = {k: v for k, v in vb.items() if k[0] in FREE}
    free = _cosine(fa, fb)
    norm = math.sqrt(sum(x * x for x in fa.values())) * math.sqrt(sum(x * x for x in fb.values()))
    channels: dict[str, float] = {}
    shared = []
    for key, x in fa.items():
        if key in fb and norm:
            part = x * fb[key] / norm
            channels[key[0]] = channels.get(key[0], 0.0) + part
            shared.append((part, key))
    shared += [(x * vb[k], k) for k, x in va.items() if k[0] == "w" and k in vb]
    top = tuple(k for _, k in sorted(shared, reverse=True)[:8])
    return Similarity(round(words, 4), round(free, 4), round(_cosine(va, vb), 4), channels, top)


def matches(story: Report, incident: Profile, sim: Similarity, config: IncidentConfig) -> bool:
    if story.follow_ups != incident.follow_ups:
        return False
    if sim.all >= config.all_threshold:
        return True
    if sim.words >= config.words_threshold and sim.all >= config.words_all_floor:
        return True
    same_language = story.language is not None and story.language in incident.languages
    strong = sum(1 for v in sim.channels.values() if v >= config.channel_floor)
    if same_language:
        threshold, channels = config.free_threshold_same_language, config.min_channels_same_language
    else:
        threshold, channels = config.free_threshold, config.min_channels
    return sim.free >= threshold and strong >= channels and sim.channels.get("c", 0.0) >= config.concept_floor


def in_window(story: Report, incident: Profile, config: IncidentConfig) -> bool:
    return abs(story.time - incident.first) <= config.window


def decide_incident(
    story: Report, candidates: Sequence[Profile], rarity: Rarity, config: IncidentConfig
) -> IncidentDecision:
    """Join the best-matching incident of the window, merging into it any other the story matches
    as strongly and that matches it; else open one (the caller names it)."""
    found: list[tuple[float, str, Profile, Similarity]] = []
    for incident in candidates:
        if not in_window(story, incident, config):
            continue
        sim = similarity(story, incident.keys, rarity)
        if matches(story, incident, sim, config):
            found.append((sim.score, incident.incident_id, incident, sim))
    if not found:
        return IncidentDecision(Verdict.OPENED, None, reason="no incident of the window reports the same")
    found.sort(key=lambda f: (-f[0], -f[2].story_count, f[1]))
    _, best_id, best, best_sim = found[0]
    merged = []
    for score, incident_id, incident, sim in found[1:]:
        if score < config.merge_threshold:
            continue
        between = similarity(incident.as_report(), best.keys, rarity)
        if matches(incident.as_report(), best, between, config):
            merged.append((incident_id, sim))
    reason = "shares " + ", ".join(best_sim.shared[:5])
    return IncidentDecision(Verdict.JOINED, best_id, best_sim, tuple(merged), reason)


def still_belongs(story: Report, rest: Profile, rarity: Rarity, config: IncidentConfig) -> tuple[bool, Similarity]:
    """Whether a story, grown by a new item, still reports the rest of its incident."""
    sim = similarity(story, rest.keys, rarity)
    return matches(story, rest, sim, config), sim
