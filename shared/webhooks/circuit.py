"""A circuit breaker per endpoint: after repeated failures stop calling it for a while.

Closed: calls flow. After `failure_threshold` failures in a row it opens for `cooldown`
seconds; then one trial call is let through (half-open). Its success closes the circuit, its
failure opens it again with the cooldown doubled, up to `max_cooldown`. Messages held back by an
open circuit keep their place and their attempt count.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

State = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    def __init__(self, failure_threshold: int = 5, cooldown: float = 30.0, max_cooldown: float = 600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.failure_threshold = failure_threshold
        self.base_cooldown = cooldown
        self.max_cooldown = max_cooldown
        self.clock = clock
        self.failures = 0
        self.cooldown = cooldown
        self.opened_at: float | None = None
        self.trial_in_flight = False

    @property
    def state(self) -> State:
        if self.opened_at is None:
            return "closed"
        if self.clock() - self.opened_at < self.cooldown:
            return "open"
        return "half_open"

    def capacity(self, limit: int, in_flight: int) -> int:
        """How many calls may start now, given the endpoint's concurrency limit."""
        state = self.state
        if state == "open":
            return 0
        if state == "half_open":
            return 0 if self.trial_in_flight else 1
        return max(limit - in_flight, 0)

    def started(self) -> None:
        if self.state == "half_open":
            self.trial_in_flight = True

    def succeeded(self) -> None:
        self.failures = 0
        self.opened_at = None
        self.cooldown = self.base_cooldown
        self.trial_in_flight = False

    def failed(self) -> None:
        was_trial = self.trial_in_flight
        self.trial_in_flight = False
        self.failures += 1
        if was_trial:
            self.cooldown = min(self.cooldown * 2, self.max_cooldown)
            self.opened_at = self.clock()
        elif self.opened_at is None and self.failures >= self.failure_threshold:
            self.opened_at = self.clock()


class Breakers:
    """One breaker per endpoint key, made on first use."""

    def __init__(self, factory: Callable[[], CircuitBreaker]) -> None:
        self._factory = factory
        self._by_key: dict[str, CircuitBreaker] = {}

    def __getitem__(self, key: str) -> CircuitBreaker:
        if key not in self._by_key:
            self._by_key[key] = self._factory()
        return self._by_key[key]

    def open_keys(self) -> list[str]:
        return [key for key, breaker in self._by_key.items() if breaker.state != "closed"]
