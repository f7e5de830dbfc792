"""Is a claim news? Decided from the normalised facts, never from wording or outlet.

Two keys find the earlier claims that matter (the alerts service looks them up in the
event store and hands them over):

- the *identity* key: the same facts — kind, category, subject, side, claimant, count,
  parties, basis and the event's date when stated. The same ministry statement carried
  by ten outlets has one identity: the first is new, the rest corroborate it.
- the *series* key: the same thing counted by the same claimant whatever the number, so
  a revised count ("the death toll rose from 320 to 480") updates the earlier claim.

A running total and a day's increment never share a series ("40 more deaths, raising
its total to 320" are two series). Counts that are not totals are tied to their day
(the stated date, else the article's date), and a day's increment is a fact of its day
in identity too: yesterday's "5 soldiers killed" is not
revised by today's "6 soldiers killed" in another attack.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Literal

from shared.claims.model import Claim, Count

NoveltyKind = Literal["new", "updated", "corroborated", "historical"]


@dataclass(frozen=True, slots=True)
class PriorClaim:
    """An earlier observed claim, as the alerts service keeps it."""

    claim_id: str
    source: str | None
    """The source (feed) that carried it."""
    count: Count | None
    observed_on: date | None = None


@dataclass(frozen=True, slots=True)
class Novelty:
    kind: NoveltyKind
    refers_to: str | None = None
    """The earlier claim this one corroborates or updates."""
    repeat: bool = False
    """The same source said the same thing again: corroborated, and the service drops it."""


def identity_key(claim: Claim) -> str:
    day = claim.date or (claim.reported_on if claim.basis == "increment" else None)
    facts = _series_facts(claim) + [_count(claim.count), sorted(claim.parties), _iso(day)]
    return _digest(["identity"] + facts)


def series_key(claim: Claim) -> str:
    facts = _series_facts(claim)
    if claim.kind == "ceasefire":
        facts += [sorted(claim.parties), _iso(claim.date)]
    elif claim.basis != "total":
        facts.append(_iso(claim.date or claim.reported_on))
    return _digest(["series"] + facts)


def decide_novelty(
    claim: Claim, same_identity: list[PriorClaim], same_series: list[PriorClaim], source: str | None = None
) -> Novelty:
    """Novelty of `claim` carried by `source`, given earlier claims in observation order."""
    if claim.historical:
        return Novelty("historical", same_identity[0].claim_id if same_identity else None)
    if same_identity:
        others = [prior for prior in same_identity if prior.source != source or source is None]
        if others:
            return Novelty("corroborated", others[0].claim_id)
        return Novelty("corroborated", same_identity[0].claim_id, repeat=True)
    revised = [prior for prior in same_series if prior.count is not None and prior.count != claim.count]
    if claim.kind == "casualty" and claim.count is not None and revised:
        return Novelty("updated", revised[-1].claim_id)
    return Novelty("new")


def alerts_by_default(novelty: Novelty) -> bool:
    return novelty.kind in ("new", "updated")


def _series_facts(claim: Claim) -> list:
    return [
        claim.kind,
        claim.category,
        _norm(claim.subject),
        _norm(claim.side),
        _norm(claim.claimant),
        claim.basis,
    ]


def _count(count: Count | None) -> list | None:
    return None if count is None else [count.min, count.max]


def _norm(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _digest(facts: list) -> str:
    """Facts are strings, numbers, None and lists of them (no mappings, no dates): their JSON is
    ASCII and has one spelling."""
    encoded = json.dumps(facts, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]
