"""Decide what an item is, given what the index found for it.

Order of evidence: the same source entry again (repeat: changes nothing), the
same canonical URL or normalised text (exact copy), the same headline when one
side is a headline-only feed item, then near-duplicates verified on their
signatures and refused when numbers or dates conflict. Two texts that share
no words with their own headlines (a cookie banner, a sidebar scraped instead
of the article) never merge on their text.
Pure and deterministic: the same item and candidates give the same decision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from services.dedupe.distinguishers import conflict
from services.dedupe.fingerprint import DedupeConfig, Fingerprint
from services.dedupe.similarity import minhash, simhash


class Outcome(StrEnum):
    REPEAT = "repeat"
    EXACT = "exact"
    NEAR_DUPLICATE = "near_duplicate"
    NEW = "new"


class Method(StrEnum):
    ITEM_KEY = "item_key"
    URL = "url"
    TEXT_HASH = "text_hash"
    TITLE = "title"
    MINHASH = "minhash"
    CONTAINMENT = "containment"
    SIMHASH = "simhash"
    LEAD = "lead"


@dataclass(frozen=True, slots=True)
class Entry:
    """One indexed item of a story, as the index returns it for verification."""

    story_id: str
    signature: np.ndarray
    size: int
    simhash: int
    lead_signature: np.ndarray | None = None
    anchored: bool = True
    title_key: int | None = None


@dataclass(frozen=True)
class Candidates:
    repeat_of: str | None = None
    same_url: str | None = None
    same_text: str | None = None
    same_title: str | None = None
    """A story with this headline, when either side is a headline-only item."""
    near: Sequence[Entry] = ()
    story_facts: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    story_id: str | None = None
    method: Method | None = None
    similarity: float = 1.0
    rejected: tuple[tuple[str, str], ...] = ()
    """(story id, reason) for similar stories refused because facts conflict."""


@dataclass(frozen=True, slots=True)
class _Match:
    story_id: str
    method: Method
    similarity: float


def decide(fp: Fingerprint, found: Candidates, config: DedupeConfig) -> Decision:
    if found.repeat_of is not None:
        return Decision(Outcome.REPEAT, found.repeat_of, Method.ITEM_KEY)
    if found.same_url is not None:
        return Decision(Outcome.EXACT, found.same_url, Method.URL)
    if found.same_text is not None:
        return Decision(Outcome.EXACT, found.same_text, Method.TEXT_HASH)
    if found.same_title is not None:
        return Decision(Outcome.EXACT, found.same_title, Method.TITLE)

    rejected: list[tuple[str, str]] = []
    for match in _ranked_matches(fp, found.near, config):
        reason = conflict(fp.facts, found.story_facts.get(match.story_id, frozenset()))
        if reason is None:
            return Decision(
                Outcome.NEAR_DUPLICATE, match.story_id, match.method, round(match.similarity, 4),
                tuple(rejected),
            )
        rejected.append((match.story_id, reason))
    return Decision(Outcome.NEW, rejected=tuple(rejected))


def _ranked_matches(fp: Fingerprint, entries: Sequence[Entry], config: DedupeConfig) -> list[_Match]:
    """The best verified match per story, strongest first (ties by story id)."""
    best: dict[str, _Match] = {}
    for entry in entries:
        match = _verify(fp, entry, config)
        if match is None:
            continue
        held = best.get(entry.story_id)
        if held is None or match.similarity > held.similarity:
            best[entry.story_id] = match
    return sorted(best.values(), key=lambda m: (-m.similarity, m.story_id))


def _verify(fp: Fingerprint, entry: Entry, config: DedupeConfig) -> _Match | None:
    if not (fp.anchored or entry.anchored) and fp.title_key != entry.title_key:
        return None  # two texts about neither headline (a banner, a sidebar) prove nothing
    jaccard = minhash.jaccard(fp.signature, entry.signature)
    if jaccard >= config.jaccard_threshold:
        return _Match(entry.story_id, Method.MINHASH, jaccard)
    if min(fp.size, entry.size) >= config.min_containment_shingles:
        contained = minhash.containment(jaccard, fp.size, entry.size)
        if contained >= config.containment_threshold:
            return _Match(entry.story_id, Method.CONTAINMENT, contained)
    distance = simhash.hamming(fp.simhash, entry.simhash)
    if distance <= config.simhash_distance:
        return _Match(entry.story_id, Method.SIMHASH, simhash.similarity(distance))
    if fp.lead_signature is not None and entry.lead_signature is not None:
        lead = minhash.jaccard(fp.lead_signature, entry.lead_signature)
        if lead >= config.lead_threshold:
            return _Match(entry.story_id, Method.LEAD, lead)
    return None
