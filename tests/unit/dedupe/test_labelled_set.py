"""Quality on the labelled set (see data/build_labelled.py for how it was made)."""

import asyncio
import json
from collections import Counter
from pathlib import Path

from services.dedupe.archive import cluster_items, item_from_json
from services.dedupe.fingerprint import DedupeConfig
from tools.dedupe_scoring import score_pairs
from tools.quality import Figure, assert_holds

DATA = Path(__file__).parent / "data"


def _records() -> list[dict]:
    """The labelled set, the hold-out reports written after tuning and the hard copies
    (boilerplate-only pages, digits, headline suffixes, dates; data/build_hard_copies.py), together."""
    lines = []
    for name in ("labelled.jsonl", "holdout.jsonl", "hard_copies.jsonl"):
        lines += (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_set_is_large_enough_to_mean_something():
    clusters = Counter(r["cluster"] for r in _records())
    assert sum(1 for n in clusters.values() if n > 1) >= 150
    assert sum(n * (n - 1) // 2 for n in clusters.values()) >= 150
    assert sum(1 for r in _records() if r["id"].startswith("hw-")) >= 60


def test_precision_and_recall_of_merged_pairs():
    records = _records()
    predicted = dict(asyncio.run(cluster_items([item_from_json(r) for r in records], DedupeConfig())))
    scores = score_pairs(predicted, {r["id"]: r["cluster"] for r in records})
    assert scores.precision >= 0.99, scores
    assert scores.recall >= 0.97, scores
    assert_holds("dedupe.labelled", {"precision": Figure(scores.precision, scores.predicted_pairs),
                                     "recall": Figure(scores.recall, scores.true_pairs)})


def test_hand_written_near_misses_stay_apart():
    records = [r for r in _records() if r["id"].startswith(("hw-", "ho-"))]
    predicted = dict(asyncio.run(cluster_items([item_from_json(r) for r in records], DedupeConfig())))
    scores = score_pairs(predicted, {r["id"]: r["cluster"] for r in records})
    assert scores.precision >= 0.97, scores
    assert_holds("dedupe.hand_written", {"precision": Figure(scores.precision, scores.predicted_pairs)})


def test_scorer_counts_pairs():
    truth = {"a": "1", "b": "1", "c": "1", "d": "2"}
    scores = score_pairs({"a": "x", "b": "x", "c": "y", "d": "y"}, truth)
    assert (scores.true_positives, scores.predicted_pairs, scores.true_pairs) == (1, 2, 3)
    assert scores.precision == 0.5 and abs(scores.recall - 1 / 3) < 1e-9
