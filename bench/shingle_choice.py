"""The evidence behind the shingle sizes and the LSH banding.

    python bench/shingle_choice.py

Runs the labelled set (tests/unit/dedupe/data) through the offline clustering
with each shingle scheme and banding, printing pair precision and recall, the
share of true copy pairs that share at least one band (candidate recall of the
banding alone) and the mean number of entries verified per item (the cost).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.dedupe.archive import item_from_json  # noqa: E402
from services.dedupe.assign import assign_story  # noqa: E402
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter  # noqa: E402
from services.dedupe.index.memory import InMemoryStoryIndex  # noqa: E402
from tools.dedupe_scoring import score_pairs  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "unit" / "dedupe" / "data"
SCHEMES = [(1,), (2,), (3,), (2, 3), (3, 4)]
BANDINGS = [(16, 8), (21, 6), (25, 5), (32, 4), (42, 3)]


def records() -> list[dict]:
    lines = (DATA / "labelled.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


async def evaluate(config: DedupeConfig, recs: list[dict]) -> tuple[float, float, float, float]:
    fingerprint, index = Fingerprinter(config), InMemoryStoryIndex()
    now = datetime.now(UTC)
    predicted, verified, fps = {}, 0, {}
    for rec in recs:
        item = item_from_json(rec)
        fp = fps[item.id] = fingerprint(item, now)
        verified += len((await index.candidates(fp, config.window)).near)
        predicted[item.id] = (await assign_story(index, fp, config, lambda: item.id)).story_id
    truth = {r["id"]: r["cluster"] for r in recs}
    scores = score_pairs(predicted, truth)
    by_cluster = defaultdict(list)
    for item_id, cluster in truth.items():
        by_cluster[cluster].append(fps[item_id].band_hashes[: config.bands])
    pairs = [(a, b) for members in by_cluster.values() for a, b in itertools.combinations(members, 2)]
    found = sum(bool(set(a) & set(b)) for a, b in pairs) / len(pairs)
    return scores.precision, scores.recall, found, verified / len(recs)


def main() -> None:
    recs = records()
    print("sizes    bands x rows   precision  recall  pairs sharing a band  verified/item")
    for sizes, (bands, rows) in itertools.product(SCHEMES, BANDINGS):
        config = replace(DedupeConfig(), shingle_sizes=sizes, bands=bands, rows=rows)
        p, r, found, cost = asyncio.run(evaluate(config, recs))
        print(f"{str(sizes):8} {bands:>3} x {rows:<3}      {p:9.3f}  {r:6.3f}  {found:20.3f}  {cost:13.2f}")


if __name__ == "__main__":
    main()
