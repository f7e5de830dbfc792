"""Per-client token buckets, kept in this process.

Each API process limits on its own: with N instances behind a balancer a client gets up to N
times the rate. Good enough to stop a runaway script; a shared limit would need Redis or
PostgreSQL.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic, max_clients: int = 10_000
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: dict[str, _Bucket] = {}

    def acquire(self, client: str) -> float:
        """Takes one token; returns 0 if allowed, else the seconds until a token is available."""
        now = self.clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            self._forget_idle(now)
            bucket = self._buckets[client] = _Bucket(tokens=float(self.burst), updated=now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate

    @staticmethod
    def retry_after(wait: float) -> str:
        return str(max(1, math.ceil(wait)))

    def _forget_idle(self, now: float) -> None:
        """Buckets that have refilled completely hold no information; drop them when crowded."""
        if len(self._buckets) < self.max_clients:
            return
        full = [client for client, b in self._buckets.items() if b.tokens + (now - b.updated) * self.rate >= self.burst]
        for client in full:
            del self._buckets[client]
