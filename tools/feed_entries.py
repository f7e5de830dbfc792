"""The general-news feed set (`tests/data/feeds/general/entries/`): its entries, its fixed split into
a development and a held-out part, and what the extractor gets right on it.

An entry is read as the pipeline reads a feed item: the title as its own first line, then the
summary's plain text (HTML as ingest cleans it); its claims are those the alerts service would
record: one per fact as the service merges them, then one per identity (a toll in the title and the
summary is one claim).

Figures (see the README beside the data):

- *fully right*: the share of extracted claims that match an expected claim in kind, category,
  subject and count and are right in every judged field (claimant, side, historical, basis,
  context, conflict);
- *war on non-war entries*: the share of claims on entries not about armed conflict that are
  marked armed_conflict without an expected armed-conflict claim to match;
- *conflict recall*: the share of expected armed-conflict claims found, with that context;
- *claimant right*: the share of matched claims whose claimant is right (a null is judged too:
  the outlet speaks for itself).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from services.alerts.item_claims import one_per_fact
from services.alerts.novelty import identity_key
from services.ingest.normalise.text import html_to_text_and_safe_html, title_text
from shared.claims.extract import extract_claims
from shared.claims.restatements import fold_headline
from tools.claims_scoring import claimant_matches, core_matches

ENTRIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "feeds" / "general" / "entries"
HELD_OUT_SHARE = 30
"""Percent of entries held out: those whose id hashes (SHA-256, first two bytes, mod 100) below it."""
WAR = "armed_conflict"
LABEL_CONFLICTS = {"israel-palestine": {"israel-palestine", "israel-hamas", "israel-islamic-jihad"}}
"""The set labels the wars of Gaza as one conflict; the registry tells Hamas and Islamic Jihad apart."""


def part_of(entry_id: str) -> str:
    """ "held-out" or "development", fixed by the entry's id alone."""
    bucket = int.from_bytes(hashlib.sha256(entry_id.encode("utf-8")).digest()[:2], "big") % 100
    return "held-out" if bucket < HELD_OUT_SHARE else "development"


def load_entries(part: str | None = None, root: Path = ENTRIES) -> list[dict]:
    """Every entry of the set, or those of one part ("development", "held-out")."""
    entries = []
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            entries.extend(json.loads(line) for line in lines if line.strip())
    return [entry for entry in entries if part is None or part_of(entry["id"]) == part]


def entry_text(entry: Mapping[str, Any]) -> str:
    """Title and summary as the alerts service reads a feed item."""
    title = title_text(entry.get("title"), False)
    body = entry.get("text") or ""
    text = html_to_text_and_safe_html(body)[0] if "<" in body else " ".join(body.split())
    return f"{title}\n\n{text}" if title else text


def entry_claims(entry: Mapping[str, Any]) -> list[dict]:
    """The claims the pipeline would record for the entry, as JSON with their context and conflict."""
    found, seen = [], set()
    text = entry_text(entry)
    for claim in one_per_fact(fold_headline(extract_claims(text, published_day(entry), None), text)):
        key = identity_key(claim)
        if key in seen:
            continue
        seen.add(key)
        found.append(claim.to_json())
    return found


@dataclass
class EntryResult:
    entry: Mapping[str, Any]
    extracted: list[dict]
    matched: list[tuple[dict, dict, list[str]]] = field(default_factory=list)
    """(expected, extracted, the judged fields that are wrong)."""
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.missed and not self.spurious and not any(faults for _, _, faults in self.matched)


@dataclass
class FeedScore:
    results: list[EntryResult] = field(default_factory=list)

    def _claims(self, results: Iterable[EntryResult] | None = None) -> list[dict]:
        return [claim for result in (results or self.results) for claim in result.extracted]

    @property
    def found(self) -> int:
        return len(self._claims())

    @property
    def fully_right(self) -> int:
        return sum(not faults for result in self.results for _, _, faults in result.matched)

    @property
    def precision(self) -> float:
        return self.fully_right / self.found if self.found else 1.0

    @property
    def off_topic(self) -> int:
        """Claims raised on entries that are not about armed conflict."""
        return sum(len(result.extracted) for result in self.results if result.entry["about"] != WAR)

    @property
    def off_topic_war(self) -> int:
        """Of those, the ones marked armed_conflict with no expected armed-conflict claim to match."""
        count = 0
        for result in self.results:
            if result.entry["about"] == WAR:
                continue
            rightly = [id(got) for expected, got, _ in result.matched if expected["context"] == WAR]
            count += sum(claim["context"] == WAR and id(claim) not in rightly for claim in result.extracted)
        return count

    @property
    def off_topic_war_share(self) -> float:
        return self.off_topic_war / self.off_topic if self.off_topic else 0.0

    @property
    def war_expected(self) -> int:
        return sum(expected["context"] == WAR for result in self.results for expected in result.entry["expected"])

    @property
    def war_found(self) -> int:
        return sum(expected["context"] == WAR and got["context"] == WAR
                   for result in self.results for expected, got, _ in result.matched)

    @property
    def war_recall(self) -> float:
        return self.war_found / self.war_expected if self.war_expected else 1.0

    @property
    def matched(self) -> int:
        return sum(len(result.matched) for result in self.results)

    @property
    def claimants_right(self) -> int:
        return sum("claimant" not in faults for result in self.results for _, _, faults in result.matched)

    @property
    def claimant_accuracy(self) -> float:
        return self.claimants_right / self.matched if self.matched else 1.0

    @property
    def expected(self) -> int:
        return sum(len(result.entry["expected"]) for result in self.results)

    def summary(self) -> str:
        return (
            f"{len(self.results)} entries, {self.expected} claims expected, {self.found} extracted: "
            f"fully right {self.fully_right}/{self.found} = {self.precision:.3f}; "
            f"armed_conflict on non-war entries {self.off_topic_war}/{self.off_topic} = {self.off_topic_war_share:.3f}; "
            f"conflict recall {self.war_found}/{self.war_expected} = {self.war_recall:.3f}; "
            f"claimant right {self.claimants_right}/{self.matched} = {self.claimant_accuracy:.3f}; "
            f"{sum(r.passed for r in self.results)}/{len(self.results)} entries pass"
        )


def score_entries(entries: Iterable[Mapping[str, Any]]) -> FeedScore:
    score = FeedScore()
    for entry in entries:
        score.results.append(score_entry(entry, entry_claims(entry)))
    return score


def score_entry(entry: Mapping[str, Any], extracted: list[dict]) -> EntryResult:
    """Pair expected and extracted claims: first pairs right in every judged field, then the rest."""
    result = EntryResult(entry, extracted)
    remaining = list(extracted)
    pending = list(entry["expected"])
    for perfect in (True, False):
        for expected in list(pending):
            candidates = [got for got in remaining
                          if core_matches(expected, got) and (not perfect or not faults_of(expected, got))]
            if candidates:
                remaining.remove(candidates[0])
                pending.remove(expected)
                result.matched.append((expected, candidates[0], faults_of(expected, candidates[0])))
    result.missed.extend(pending)
    result.spurious.extend(remaining)
    return result


def faults_of(expected: Mapping[str, Any], got: Mapping[str, Any]) -> list[str]:
    faults = []
    if not _claimant_right(expected.get("claimant"), got["claimant"]):
        faults.append("claimant")
    if expected.get("side") is not None and not _side_right(expected["side"], got["side"]):
        faults.append("side")
    if bool(expected.get("historical")) != got["historical"]:
        faults.append("historical")
    if expected.get("basis") is not None and expected["basis"] != got.get("basis"):
        faults.append("basis")
    if expected.get("context") != got.get("context"):
        faults.append("context")
    if not _conflict_right(expected, got.get("conflict")):
        faults.append("conflict")
    return faults


def _claimant_right(expected: Any, got: str | None) -> bool:
    if expected is None:
        return got is None
    return claimant_matches(expected, got)


def _side_right(expected: Any, got: str | None) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return got in options


def _conflict_right(expected: Mapping[str, Any], got: str | None) -> bool:
    """The label's conflict, or one the label's name covers; None for a war the monitor does not
    follow ("world-war-2", "afghanistan") and for a claim that is not about war."""
    from shared.claims.conflicts import CONFLICT_IDS

    label = expected.get("conflict") if expected.get("context") == WAR else None
    accepted = {name for name in LABEL_CONFLICTS.get(label, {label}) if name in CONFLICT_IDS}
    return got in accepted if accepted else got is None


def published_day(entry: Mapping[str, Any]) -> date | None:
    return datetime.fromisoformat(entry["published"]).date() if entry.get("published") else None
