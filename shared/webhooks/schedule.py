"""When to try a webhook again, and when to give up.

The schedule lists the delay before each attempt (the first is normally 0): after attempt n
fails, attempt n+1 waits `schedule[n]`, jittered so a recovering endpoint is not hit by every
retry at once; a `Retry-After` longer than that wins. When the schedule is used up the message
is dead-lettered.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from shared.events.webhooks import AttemptOutcome
from shared.webhooks.queue import Delivery
from shared.webhooks.sender import AttemptResult

DEFAULT_SCHEDULE = "0,5s,5m,30m,2h,5h,10h,10h"
_UNITS = {"": 1.0, "ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")

Verdict = Literal["delivered", "retry", "fail", "gone"]


def parse_duration(text: str) -> float:
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration: {text!r} (use e.g. 0, 500ms, 5s, 5m, 2h)")
    return float(match.group(1)) * _UNITS[match.group(2) or ""]


def parse_schedule(text: str) -> tuple[float, ...]:
    delays = tuple(parse_duration(part) for part in text.split(",") if part.strip())
    if not delays:
        raise ValueError("a retry schedule needs at least one attempt")
    return delays


def verdict(status_code: int | None) -> Verdict:
    """What a response (or its absence: a timeout or connection error) means for the message."""
    if status_code is None:
        return "retry"
    if 200 <= status_code < 300:
        return "delivered"
    if status_code == 410:
        return "gone"
    if status_code in (408, 425, 429) or status_code >= 500:
        return "retry"
    return "fail"


@dataclass(frozen=True)
class RetryPolicy:
    schedule: tuple[float, ...]
    jitter: float = 0.1
    max_retry_after: float = 86400.0

    @classmethod
    def from_text(cls, text: str, jitter: float = 0.1) -> RetryPolicy:
        return cls(parse_schedule(text), jitter)

    @property
    def max_attempts(self) -> int:
        return len(self.schedule)

    def first_delay(self) -> float:
        return self.schedule[0]

    def next_delay(self, attempts_made: int, retry_after: float | None = None,
                   rng: random.Random | None = None) -> float | None:
        """Seconds until the next attempt after `attempts_made` failed ones, or None: give up."""
        if attempts_made >= self.max_attempts:
            return None
        base = self.schedule[attempts_made]
        spread = base * self.jitter
        delay = base + (rng or random).uniform(-spread, spread) if spread else base
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_retry_after))
        return delay


def decide(delivery: Delivery, result: AttemptResult, policy: RetryPolicy, now: datetime) -> tuple[AttemptOutcome, datetime | None]:
    """The outcome of an attempt and, when it will be retried, when."""
    if result.refused:
        return "dead_lettered", None
    match verdict(result.status_code):
        case "delivered":
            return "delivered", None
        case "gone":
            return "gone", None
        case "fail":
            return "dead_lettered", None
    delay = policy.next_delay(delivery.round_attempts + 1, result.retry_after)
    if delay is None:
        return "dead_lettered", None
    return "retrying", now + timedelta(seconds=delay)
