"""Our dedupe against datasketch's MinHashLSH on the same items and threshold.

    python bench/dedupe_vs_datasketch.py 10000 100000

Both sides get the same synthetic items (bench/dedupe_items.py) and the same
word shingles; each item is looked up and then inserted, so at N items the
index holds up to N stories. Printed per size: items/s of

- datasketch: MinHash (128 permutations, update_batch) + MinHashLSH(threshold)
  query + insert — candidate generation only, no verification;
- sitrep core: our MinHash + banding + in-memory buckets, the same work;
- sitrep full: the whole decision (features, exact keys, lead bands, SimHash,
  numbers/dates/places, verification), as `dedupe cluster` runs it;

and the ratios to datasketch. Rates are per CPU-second of this process, so a
busy machine slows both sides alike.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncio  # noqa: E402

from datasketch import MinHash, MinHashLSH  # noqa: E402

from bench.dedupe_items import generate  # noqa: E402
from services.dedupe.assign import assign_story  # noqa: E402
from services.dedupe.cli import item_from_json  # noqa: E402
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter  # noqa: E402
from services.dedupe.index import InMemoryStoryIndex  # noqa: E402
from services.dedupe.lsh import choose_banding  # noqa: E402
from services.dedupe.minhash import MinHasher  # noqa: E402
from services.dedupe.text_features import feature_text, normalise, shingle_hashes, tokens  # noqa: E402

THRESHOLD = 0.5
NUM_PERM = 128


def _shingle_sets(items) -> list[list[bytes]]:
    out = []
    for item in items:
        words = tokens(normalise(feature_text(item.title, item.text)))
        grams = {" ".join(words[i : i + k]) for k in (2, 3) for i in range(max(1, len(words) - k + 1))}
        out.append([g.encode() for g in grams])
    return out


def run_datasketch(items) -> float:
    shingles = _shingle_sets(items)
    start = time.process_time()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for n, grams in enumerate(shingles):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch(grams)
        lsh.query(m)
        lsh.insert(str(n), m)
    return len(items) / (time.process_time() - start)


def run_core(items) -> float:
    hasher, banding = MinHasher(NUM_PERM), choose_banding(NUM_PERM, THRESHOLD)
    start = time.process_time()
    buckets: dict[int, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        words = tokens(normalise(feature_text(item.title, item.text)))
        keys = banding.band_hashes(hasher.signature(shingle_hashes(words)))
        {e for k in keys for e in buckets.get(k, ())}
        for k in keys:
            buckets[k].append(n)
    return len(items) / (time.process_time() - start)


async def run_full(items) -> float:
    config = DedupeConfig(jaccard_threshold=THRESHOLD)
    fingerprint, index = Fingerprinter(config), InMemoryStoryIndex()
    start = time.process_time()
    for item in items:
        await assign_story(index, fingerprint(item, item.published), config, lambda: item.id)
    return len(items) / (time.process_time() - start)


def main() -> None:
    for n in [int(a) for a in sys.argv[1:]] or [10_000]:
        items = [item_from_json(i) for i in generate(n)]
        ds = run_datasketch(items)
        core = run_core(items)
        full = asyncio.run(run_full(items))
        print(f"{n:>8} items: datasketch {ds:7.0f}/s | sitrep core {core:7.0f}/s ({core / ds:.2f}x) "
              f"| sitrep full {full:7.0f}/s ({full / ds:.2f}x)")


if __name__ == "__main__":
    main()
