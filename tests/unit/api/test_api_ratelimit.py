"""The token bucket with a controlled clock."""

from __future__ import annotations

import pytest

from services.api.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refill_at_the_rate():
    clock = Clock()
    limiter = RateLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.acquire("k") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.acquire("k") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.acquire("k") == 0.0
    assert limiter.acquire("k") > 0
    clock.now += 100
    assert [limiter.acquire("k") for _ in range(3)] == [0.0, 0.0, 0.0]  # never more than the burst
    assert limiter.acquire("k") > 0


def test_clients_have_their_own_buckets():
    limiter = RateLimiter(rate=1.0, burst=1, clock=Clock())
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") > 0
    assert limiter.acquire("b") == 0.0


def test_retry_after_is_whole_seconds_rounded_up():
    assert RateLimiter.retry_after(0.01) == "1"
    assert RateLimiter.retry_after(1.0) == "1"
    assert RateLimiter.retry_after(1.2) == "2"


def test_idle_clients_are_forgotten_when_crowded_but_busy_ones_are_kept():
    clock = Clock()
    limiter = RateLimiter(rate=1.0, burst=2, clock=clock, max_clients=3)
    limiter.acquire("busy")
    limiter.acquire("busy")
    clock.now += 0.1
    limiter.acquire("idle-1")
    limiter.acquire("idle-2")
    clock.now += 1.5  # idle-1 and idle-2 refilled; busy has 1.6 of 2 tokens
    limiter.acquire("new")
    assert set(limiter._buckets) == {"busy", "new"}
    assert limiter.acquire("busy") == 0.0
    assert limiter.acquire("busy") > 0  # its spent tokens were remembered
