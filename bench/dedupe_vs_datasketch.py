"""Dedupe: items per second of our dedupe against datasketch's MinHashLSH, as the index grows.

    .venv/bin/python -m bench.dedupe_vs_datasketch [--quick | --full] [--sizes 10000,100000] [--repeat N]

Every side gets the same synthetic items (bench/dedupe_items.py: one in five a syndicated copy,
all within two days, so nothing leaves the window and the index only grows) and the same
threshold (Jaccard 0.5, 128 permutations). Each item is looked up, then inserted, so after N
items the index holds up to N entries. The sides:

- datasketch: `MinHash` (`update_batch` of the item's word 2- and 3-grams, made outside the
  timing) + `MinHashLSH` query and insert: candidate generation only, no verification;
- sitrep, MinHash + LSH buckets: our MinHash and banding into in-memory buckets, the same work
  (tokenising the text is timed on our side);
- sitrep, first tier: the story decision `dedupe cluster` runs per item (boilerplate lines,
  features, exact keys, lead bands, SimHash, numbers/dates/places, verification) against
  `InMemoryStoryIndex`;
- sitrep, whole decision: both tiers, as `dedupe cluster` runs them: the story decision, then the
  incident of each new story (its report, key rarity, candidates, decision) against
  `InMemoryIncidentIndex`.

One pass per side to the largest size (quick 2,000 → 10,000 → 20,000 items; --full 10,000 →
100,000 → 1,000,000, the sizes of the issue, an hour or more); items/s is recorded for each
stretch between two sizes, so a per-item cost that grows with the index shows as a falling
rate. Rates are per CPU-second of this process (items are made and converted outside the
timing), so a busy machine slows all sides alike. `--repeat N` reports each stretch's median.
"""

from __future__ import annotations

import argparse
import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from datasketch import MinHash, MinHashLSH

from bench.common import Results, arguments, main, median, sized, timed
from bench.dedupe_items import generate
from services.dedupe.archive import item_from_json
from services.dedupe.assign import assign_story
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter
from services.dedupe.incidents.memory import InMemoryIncidentIndex
from services.dedupe.incidents.story import place_story
from services.dedupe.index.memory import InMemoryStoryIndex
from services.dedupe.similarity.lsh import choose_banding
from services.dedupe.similarity.minhash import MinHasher
from services.dedupe.similarity.text_features import feature_text, normalise, shingle_hashes, tokens

BENCH, STAGE = "dedupe_vs_datasketch", "Dedupe"
THRESHOLD = 0.5
NUM_PERM = 128
CHUNK = 1_000
DATASKETCH = "datasketch MinHashLSH"


def words_of(item) -> list[str]:
    return tokens(normalise(feature_text(item.title, item.text)))


class Datasketch:
    label = DATASKETCH

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.inserted = 0

    def prepare(self, items: Sequence) -> list[list[bytes]]:
        out = []
        for words in map(words_of, items):
            grams = {" ".join(words[i:i + k]) for k in (2, 3) for i in range(max(1, len(words) - k + 1))}
            out.append([g.encode() for g in grams])
        return out

    async def work(self, shingles: list[list[bytes]]) -> None:
        for grams in shingles:
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch(grams)
            self.lsh.query(m)
            self.lsh.insert(str(self.inserted), m)
            self.inserted += 1


class Core:
    label, part = "sitrep, MinHash + LSH buckets", "MinHash + LSH buckets"

    def __init__(self) -> None:
        self.hasher, self.banding = MinHasher(NUM_PERM), choose_banding(NUM_PERM, THRESHOLD)
        self.buckets: dict[int, list[int]] = defaultdict(list)
        self.inserted = 0

    def prepare(self, items: Sequence) -> Sequence:
        return items

    async def work(self, items: Sequence) -> None:
        for item in items:
            keys = self.banding.band_hashes(self.hasher.signature(shingle_hashes(words_of(item))))
            {e for k in keys for e in self.buckets.get(k, ())}  # the candidates, as a lookup finds them
            for k in keys:
                self.buckets[k].append(self.inserted)
            self.inserted += 1


class FirstTier:
    label, part = "sitrep, first tier", "first tier: stories"

    def __init__(self) -> None:
        self.config = DedupeConfig(jaccard_threshold=THRESHOLD)
        self.fingerprint, self.index = Fingerprinter(self.config), InMemoryStoryIndex()

    def prepare(self, items: Sequence) -> Sequence:
        return items

    async def work(self, items: Sequence) -> None:
        for item in items:
            await assign_story(self.index, self.fingerprint(item, item.published), self.config, lambda: item.id)


class Decision(FirstTier):
    label, part = "sitrep, whole decision", "whole decision: stories and incidents"

    def __init__(self) -> None:
        super().__init__()
        self.incidents = InMemoryIncidentIndex()

    async def work(self, items: Sequence) -> None:
        for item in items:
            fp = self.fingerprint(item, item.published)
            decision = await assign_story(self.index, fp, self.config, lambda: item.id)
            await place_story(self.incidents, decision, fp, item.language, self.config, lambda: item.id)


async def grow(side: Any, sizes: Sequence[int]) -> list[float]:
    """Items per CPU-second of `side` in each stretch between two sizes, in one pass."""
    items = generate(sizes[-1])
    rates = []
    for start, end in zip([0, *sizes], sizes):
        cpu = 0.0
        for first in range(start, end, CHUNK):
            batch = side.prepare([item_from_json(i) for i in itertools.islice(items, min(CHUNK, end - first))])
            cpu += (await timed(len(batch), lambda: side.work(batch))).cpu_seconds
        rates.append((end - start) / cpu)
    return rates


async def median_growth(repeat: int, make: Callable[[], Any], sizes: Sequence[int]) -> list[float]:
    runs = [await grow(make(), sizes) for _ in range(max(repeat, 1))]
    return [median(stretch) for stretch in zip(*runs)]


def stretches(sizes: Sequence[int]) -> list[str]:
    return [f"{start:,} → {end:,}" for start, end in zip([0, *sizes], sizes)]


async def run(args: argparse.Namespace, results: Results) -> None:
    sizes = args.sizes or sized(args, (2_000, 10_000, 20_000), (10_000, 100_000, 1_000_000))
    measured: dict[str, list[float]] = {}
    for side in (Datasketch, Core, FirstTier, Decision):
        measured[side.label] = await median_growth(args.repeat, side, sizes)
        print(f"  {side.label}: items/s per stretch {[round(r) for r in measured[side.label]]}", flush=True)
    base = measured[DATASKETCH]
    for ours in (Decision, FirstTier, Core):
        for stretch, rate, base_rate in zip(stretches(sizes), measured[ours.label], base):
            results.compare(f"items deduplicated ({ours.part}), index at {stretch} items",
                            "items/s", rate, [(DATASKETCH, base_rate)], ours_label=ours.label)
    for ours in (Decision, FirstTier, Core):
        results.compare(f"rate kept from the first stretch to the last ({ours.part}), "
                        f"{stretches(sizes)[0]} vs {stretches(sizes)[-1]}", "×",
                        measured[ours.label][-1] / measured[ours.label][0], [(DATASKETCH, base[-1] / base[0])],
                        ours_label=ours.label)
    results.note(sizes=list(sizes), threshold=THRESHOLD, permutations=NUM_PERM, copies="1 in 5",
                 rates="per CPU-second of this process", repeat=args.repeat)


def parser() -> argparse.ArgumentParser:
    p = arguments(__doc__.splitlines()[0], repeat=1)
    p.add_argument("--sizes", type=lambda s: tuple(sorted(int(n) for n in s.split(","))), default=(),
                   help="items at which to take a rate, e.g. 10000,100000,1000000")
    return p


if __name__ == "__main__":
    raise SystemExit(main(BENCH, STAGE, run, parser().parse_args()))
