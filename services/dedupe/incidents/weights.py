"""How rare each key is among recent stories: the weight (IDF) that makes a shared key count.

A key in many recent stories ("said", the war's capital, "missile" in a week of strikes) says
little; a rare one (a village, a count) says much. Frequencies are kept by day, so the window
rolls: `InMemoryFrequencies` here, `PgFrequencies` (in `postgres.py`) for every instance at once.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

PRIOR_STORIES = 50
"""Pseudo-stories that no key appears in: a young window weighs every key alike, not wildly."""
COMMON_SHARE = 0.2
"""A key in more than this share of the window's stories carries no weight (once it holds
`COMMON_FROM` stories)."""
COMMON_FROM = 50
DAYS = 7
"""The window of the counts: the stories of the week before a story."""


@dataclass(frozen=True, slots=True)
class Rarity:
    """Key counts of the window (stories holding each key) and its story count."""

    counts: Mapping[str, int]
    stories: int

    def idf(self, key: str) -> float:
        seen = self.counts.get(key, 0)
        if self.stories >= COMMON_FROM and seen > COMMON_SHARE * self.stories:
            return 0.0
        return math.log((self.stories + PRIOR_STORIES + 1) / (seen + 0.5))


def window_days(time: datetime) -> list[date]:
    day = time.date()
    return [day - timedelta(days=n) for n in range(DAYS)]


class InMemoryFrequencies:
    def __init__(self) -> None:
        self._by_day: dict[date, Counter[str]] = defaultdict(Counter)
        self._stories: Counter[date] = Counter()

    async def rarity(self, keys: Iterable[str], time: datetime) -> Rarity:
        days = [d for d in window_days(time) if d in self._stories]
        wanted = set(keys)
        counts = {k: sum(self._by_day[d][k] for d in days) for k in wanted}
        return Rarity({k: n for k, n in counts.items() if n}, sum(self._stories[d] for d in days))

    async def count(self, keys: Iterable[str], time: datetime) -> None:
        day = time.date()
        self._by_day[day].update(set(keys))
        self._stories[day] += 1

    def prune(self, before: datetime) -> None:
        for day in [d for d in self._stories if d < before.date()]:
            del self._stories[day]
            self._by_day.pop(day, None)
