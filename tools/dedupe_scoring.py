"""Precision and recall of merged pairs against a labelled clustering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairScores:
    true_positives: int
    predicted_pairs: int
    true_pairs: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.true_pairs if self.true_pairs else 1.0


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def score_pairs(predicted: Mapping[str, str], truth: Mapping[str, str]) -> PairScores:
    """Pairs of items put in one story, compared with pairs labelled as one story.

    Both mappings go from item id to a story label; only items in both count.
    """
    ids = predicted.keys() & truth.keys()
    both = Counter((predicted[i], truth[i]) for i in ids)
    return PairScores(
        true_positives=_pairs(both.values()),
        predicted_pairs=_pairs(Counter(predicted[i] for i in ids).values()),
        true_pairs=_pairs(Counter(truth[i] for i in ids).values()),
    )


def wrong_pairs(predicted: Mapping[str, str], truth: Mapping[str, str]) -> tuple[list, list]:
    """(merged but different, same but apart) item-id pairs, for reading errors."""
    ids = sorted(predicted.keys() & truth.keys())
    false_merges, missed = [], []
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            same_pred, same_true = predicted[a] == predicted[b], truth[a] == truth[b]
            if same_pred and not same_true:
                false_merges.append((a, b))
            elif same_true and not same_pred:
                missed.append((a, b))
    return false_merges, missed
