"""The keys a story is filed and looked up under: its rarest, per channel, so that a report in
another language still shares some (names, kinds of event, counts) with the incident."""

from __future__ import annotations

from services.dedupe.incidents.report import Report
from services.dedupe.incidents.weights import Rarity

WORD_KEYS = 8


def lookup_keys(report: Report, rarity: Rarity, count: int) -> list[str]:
    """The ``count`` keys of highest weight, of which at most `WORD_KEYS` words."""
    ranked = sorted(((rarity.idf(k), k) for k in report.keys), reverse=True)
    words = [k for w, k in ranked if w > 0 and k[0] == "w"][:WORD_KEYS]
    free = [k for w, k in ranked if w > 0 and k[0] != "w"][: count - len(words)]
    return sorted(words + free)
