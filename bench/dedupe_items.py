"""Synthetic news items for dedupe benchmarks (JSON lines on stdout).

    python bench/dedupe_items.py 100000 > /tmp/items.jsonl

Texts of 30-400 words drawn from a Zipf-distributed vocabulary, with numbers,
weekdays and place names sprinkled in like real reports; one item in five is a
syndicated copy of a recent one (new headline, trimmed or with a few words
changed, a dateline added). All items fall within two days, so nothing leaves
the time window and the index only grows: the worst case for per-item cost.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

SYLLABLES = "ka ra mi to shi an el or ve ba lu de no sa ti mo re pa zi gu".split()
PLACES = ["Stepanakert", "Ganja", "Hadrut", "Martakert", "Shusha", "Fuzuli", "Tartar", "Goris"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COPY_SHARE = 0.2


def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    words = {"".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def sentence(rng: random.Random, vocab: list[str], cum_weights: list[float]) -> str:
    words = rng.choices(vocab, cum_weights=cum_weights, k=rng.randint(8, 22))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 400)} {rng.choice(vocab)}")
    if rng.random() < 0.2:
        words.append(f"near {rng.choice(PLACES)} on {rng.choice(WEEKDAYS)}")
    return " ".join(words).capitalize() + "."


def generate(n: int, seed: int = 1) -> Iterator[dict]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    start = datetime(2020, 9, 27, tzinfo=UTC)
    recent: list[dict] = []
    for i in range(n):
        published = (start + timedelta(seconds=i * 172_800 / max(n, 1))).isoformat()
        if recent and rng.random() < COPY_SHARE:
            original = rng.choice(recent)
            words = original["text"].split()
            if rng.random() < 0.5:
                words = words[: max(20, int(len(words) * rng.uniform(0.6, 0.9)))]
            for _ in range(rng.randint(0, 4)):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            text = "BAKU (Wire) — " + " ".join(words)
        else:
            text = " ".join(sentence(rng, vocab, cum_weights) for _ in range(rng.randint(2, 20)))
        item = {"id": f"item-{i}", "title": " ".join(rng.choices(vocab, k=7)), "text": text,
                "url": f"https://outlet{rng.randint(1, 300)}.example/{i}", "published": published,
                "source": f"feed-{rng.randint(1, 300)}"}
        recent = (recent + [item])[-500:]
        yield item


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = sys.stdout
    for item in generate(n):
        out.write(json.dumps(item) + "\n")


if __name__ == "__main__":
    main()
