"""Pure work a handler does for a whole batch before the batch's transaction.

The consumer handles a batch in one transaction; CPU work that needs no database (reading claims,
fingerprinting text) is better done before it begins, which keeps the transaction and its locks
short. A handler with a `prepare(events)` method gets each batch's decoded events first; the
results are kept by event id and taken back in the handler's call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from shared.events import Event

T = TypeVar("T")


class Prepared(Generic[T]):
    def __init__(self, compute: Callable[[Event], T]) -> None:
        self.compute = compute
        self._results: dict[str, T] = {}

    def prepare(self, events: Iterable[Event]) -> None:
        """Compute for the batch in hand, forgetting any earlier batch."""
        self._results = {}
        for event in events:
            try:
                self._results[event.id] = self.compute(event)
            except Exception:  # noqa: BLE001 — `take` computes it again inside the handler, where it fails as it should
                pass

    def take(self, event: Event) -> T:
        if event.id in self._results:
            return self._results.pop(event.id)
        return self.compute(event)
