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


@dataclass(frozen=True)
class Rarity:
    """Key counts of the window (stories holding each key) and its story count."""

    counts: Mapping[str, int]
    stories: int

    def __post_init__(self) -> None:
        top = math.log(self.stories + PRIOR_STORIES + 1)
        common = COMMON_SHARE * self.stories if self.stories >= COMMON_FROM else math.inf
        table = {k: 0.0 if seen > common else top - math.log(seen + 0.5) for k, seen in self.counts.items() if seen}
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "_unseen", top - math.log(0.5))

    def idf(self, key: str) -> float:
        """Weighed once for every counted key, when the rarity is read: a lookup per call."""
        return self._table.get(key, self._unseen)

    def of(self, keys: Iterable[str]) -> dict[str, float]:
        """The IDF of each key, in their order."""
        table, unseen = self._table, self._unseen
        return {k: table.get(k, unseen) for k in keys}


def window_days(time: datetime) -> list[date]:
    day = time.date()
    return [day - timedelta(days=n) for n in range(DAYS)]


class InMemoryFrequencies:
    """Counts of the `DAYS` days up to the newest story counted, with running totals: a rarity
    costs one lookup per key, however many days and stories."""

    def __init__(self) -> None:
        self._by_day: dict[date, Counter[str]] = defaultdict(Counter)
        self._stories: Counter[date] = Counter()
        self._total: Counter[str] = Counter()
        self._total_stories = 0

    async def rarity(self, keys: Iterable[str], time: datetime) -> Rarity:
        total = self._total
        return Rarity({k: n for k in set(keys) if (n := total.get(k, 0))}, self._total_stories)

    async def count(self, keys: Iterable[str], time: datetime) -> None:
        day = time.date()
        if self._stories and day < max(self._stories) - timedelta(days=DAYS - 1):
            return  # older than the window: it would leave at once
        distinct = set(keys)
        self._by_day[day].update(distinct)
        self._total.update(distinct)
        self._stories[day] += 1
        self._total_stories += 1
        self.prune(datetime.combine(max(self._stories) - timedelta(days=DAYS - 1), datetime.min.time()))

    def prune(self, before: datetime) -> None:
        for day in [d for d in self._stories if d < before.date()]:
            self._total_stories -= self._stories.pop(day)
            self._total.subtract(self._by_day.pop(day, Counter()))
        if len(self._total) > 4 * sum(len(c) for c in self._by_day.values()) + 1000:
            self._total = +self._total  # drop the keys counted down to zero
