"""When each item of the demo appears, and when a source answers HTTP 500: the feeds take turns,
one item at a time, so the demo reads like a live morning of statements."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest


@dataclass(frozen=True)
class Release:
    at: float
    """Seconds after the start."""
    feed: str
    revealed: int
    """How many of the feed's items are published from then on."""


@dataclass(frozen=True)
class Outage:
    feed: str
    start: float
    end: float


@dataclass(frozen=True)
class ReleaseSchedule:
    releases: tuple[Release, ...]
    outages: tuple[Outage, ...] = ()

    def revealed(self, feed: str, elapsed: float) -> int:
        return max((r.revealed for r in self.releases if r.feed == feed and r.at <= elapsed), default=0)

    def failing(self, feed: str, elapsed: float) -> bool:
        return any(o.feed == feed and o.start <= elapsed < o.end for o in self.outages)

    @property
    def span(self) -> float:
        return max([r.at for r in self.releases] + [o.end for o in self.outages], default=0.0)


def taking_turns(item_counts: dict[str, int], span: float, outages: tuple[Outage, ...] = ()) -> ReleaseSchedule:
    """Item 1 of each feed in turn (in the order given), then item 2 of each, …, spread evenly over
    `span` seconds; the first item is out at once."""
    queues = ([(feed, n + 1) for n in range(count)] for feed, count in item_counts.items())
    order = [entry for turn in zip_longest(*queues) for entry in turn if entry is not None]
    step = span / max(len(order) - 1, 1)
    return ReleaseSchedule(tuple(Release(round(k * step, 2), feed, n) for k, (feed, n) in enumerate(order)), outages)
