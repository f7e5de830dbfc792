"""What a chaos run does and when: its size, its faults and its misbehaving subscribers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.chaos.corpus import Claim


@dataclass(frozen=True)
class Subscriber:
    name: str
    filters: list[str]
    """`sitrep subscriptions add` options."""
    wants: Callable[[Claim], bool]
    modes: list[tuple[float, str]] = field(default_factory=lambda: [(0.0, "ok")])
    """(seconds after the flow starts, receiver mode)."""


@dataclass(frozen=True)
class Plan:
    items: int
    feeds: int
    flow_seconds: float
    kill_rounds: list[float]
    """When ingest, dedupe and alerts are each killed with SIGKILL (seconds after the flow starts)."""
    subscribers: list[Subscriber]
    poison_at: float
    outages: list[tuple[float, str, float]] = field(default_factory=list)
    """(when, what, seconds down): "kafka" or "postgres" stopped and started again; with several
    brokers "broker-kill" (one node killed with SIGKILL, started again after the seconds given)
    and "rolling-restart" (every node stopped and started in turn, each back in sync before the next)."""
    brokers: int = 1
    settle_timeout: float = 120.0
    ingest_lease_s: float = 10.0
    """Short, so sources held by a killed ingest are checked again soon; it must outlast the wait
    for a fetch slot, since every feed is on the one local host."""
    webhook_timeout_s: float = 2.0
    retry_schedule: str = "0,500ms,1s,2s,3s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s"


EVERYTHING = Subscriber("all", [], lambda c: True)
FLAKY = Subscriber("flaky", ["--kinds", "casualty", "--claimants", "Azerbaijan"],
                   lambda c: c.kind == "casualty" and c.claimant == "Azerbaijan", [(0.0, "flaky")])
SLOW = Subscriber("slow", ["--kinds", "casualty", "--subjects", "tank"],
                  lambda c: c.kind == "casualty" and c.subject == "tank", [(0.0, "slow")])


IN_SUITE = Plan(
    items=1500, feeds=30, flow_seconds=40, kill_rounds=[6.0, 18.0, 30.0], poison_at=12.0,
    subscribers=[EVERYTHING, FLAKY, SLOW],
    settle_timeout=240.0,  # the suite shares two cores with everything else: a bound on being stuck, not a speed goal
)

SOAK = Plan(
    items=6000, feeds=60, flow_seconds=150, kill_rounds=[10.0, 35.0, 60.0, 85.0, 110.0], poison_at=20.0,
    outages=[(50.0, "kafka", 10.0), (100.0, "postgres", 8.0)],
    subscribers=[
        EVERYTHING, FLAKY, SLOW,
        Subscriber("timeout", ["--categories", "killed"], lambda c: c.category == "killed",
                   [(0.0, "ok"), (15.0, "timeout"), (40.0, "ok")]),
        Subscriber("down", ["--claimants", "Armenia"], lambda c: c.claimant == "Armenia",
                   [(0.0, "ok"), (25.0, "down"), (55.0, "ok")]),
    ],
    settle_timeout=400.0,
    ingest_lease_s=30.0,
)

CLUSTER = Plan(
    items=3000, feeds=30, flow_seconds=90, kill_rounds=[], poison_at=10.0,
    outages=[(20.0, "broker-kill", 10.0), (50.0, "rolling-restart", 0.0)],
    subscribers=[EVERYTHING, FLAKY, SLOW],
    settle_timeout=400.0,
    brokers=3,
)
"""Three brokers: one killed with SIGKILL mid-flow and brought back, then all three restarted one by one."""
