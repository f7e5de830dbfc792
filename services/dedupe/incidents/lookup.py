"""The keys a story is filed and looked up under: its rarest, per channel, so that a report in
another language still shares some (names, kinds of event, counts) with the incident."""

from __future__ import annotations

import heapq

from services.dedupe.incidents.report import Report
from services.dedupe.incidents.weights import Rarity

WORD_KEYS = 8


def lookup_keys(report: Report, rarity: Rarity, count: int) -> list[str]:
    """The ``count`` keys of highest weight, of which at most `WORD_KEYS` words."""
    idf = rarity.of(report.keys)
    words = heapq.nlargest(WORD_KEYS, ((v, k) for k, v in idf.items() if k[0] == "w"))
    free = heapq.nlargest(count - len(words), ((v, k) for k, v in idf.items() if k[0] != "w"))
    return sorted(k for v, k in words + free if v > 0)
