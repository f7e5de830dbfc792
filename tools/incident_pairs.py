"""Scoring of the incident decision on labelled pairs (tests/data/incidents/pairs.jsonl): each pair
on its own, the first article's story an incident, the second's decided against it. The rarity of
keys comes from every article of the set at once, as if they were one window of news."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from services.dedupe.distinguishers import extract_facts
from services.dedupe.incidents.decision import IncidentConfig, Profile, Verdict, decide_incident
from services.dedupe.incidents.report import Report, read_report
from services.dedupe.incidents.weights import Rarity

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "incidents" / "pairs.jsonl"
UNDATED = datetime(2020, 1, 1, tzinfo=UTC)


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_report(article: dict) -> Report:
    time = datetime.fromisoformat(article["published"]).replace(tzinfo=UTC) if article["published"] else UNDATED
    return read_report(article["title"], article["text"], time, extract_facts(article["text"], article["title"]),
                       article["lang"])


@dataclass(frozen=True)
class PairOutcome:
    pair: dict
    joined: bool
    score: float


def decide_pairs(pairs: list[dict], config: IncidentConfig | None = None) -> list[PairOutcome]:
    config = config or IncidentConfig()
    reports = {}
    for pair in pairs:
        for side in ("a", "b"):
            reports.setdefault(pair[side]["url"], article_report(pair[side]))
    counts: Counter[str] = Counter()
    for report in reports.values():
        counts.update(report.keys.keys())
    rarity = Rarity(counts, len(reports))
    outcomes = []
    for pair in pairs:
        first, second = reports[pair["a"]["url"]], reports[pair["b"]["url"]]
        decision = decide_incident(second, [Profile.of("a", first, rarity)], rarity, config)
        outcomes.append(PairOutcome(pair, decision.verdict is Verdict.JOINED,
                                    decision.similarity.score if decision.similarity else 0.0))
    return outcomes


@dataclass(frozen=True)
class PairScores:
    same: int
    joined_same: int
    different: int
    joined_different: int
    cross_same: int
    joined_cross: int

    @property
    def recall(self) -> float:
        return self.joined_same / self.same

    @property
    def false_merge_rate(self) -> float:
        return self.joined_different / self.different

    @property
    def cross_language_recall(self) -> float:
        return self.joined_cross / self.cross_same if self.cross_same else 1.0


def score(outcomes: list[PairOutcome]) -> PairScores:
    same = [o for o in outcomes if o.pair["label"] == "same"]
    different = [o for o in outcomes if o.pair["label"] == "different"]
    cross = [o for o in same if o.pair["a"]["lang"] != o.pair["b"]["lang"]]
    return PairScores(len(same), sum(o.joined for o in same), len(different), sum(o.joined for o in different),
                      len(cross), sum(o.joined for o in cross))
