"""Faults while items flow: ingest, dedupe and alerts killed with SIGKILL several times mid-flow,
a subscriber that answers 500 for a while and a slow one, a poison message on each topic. Every
served item is then in the log once, every story and claim once, every alert received with one
webhook-id, nothing alerted that should not, and a replay rebuilds the same projections.

The services run as separate processes against the shared PostgreSQL and Kafka; broker and
database restarts need a stack of their own and run in `make chaos` (tests/chaos/soak.py)."""

from __future__ import annotations

import pytest

from tests.chaos.harness import ChaosRun
from tests.chaos.plan import IN_SUITE


@pytest.mark.timeout(420)
async def test_every_invariant_holds_through_kills_and_poison(settings, tmp_path):
    run = ChaosRun(IN_SUITE, settings.database_url, settings.kafka_bootstrap, settings.topic_prefix, tmp_path)
    report = await run.run()
    print("\n".join(["chaos (in suite):", *report.lines()]))
    assert report.counts["kills"] == 3 * len(IN_SUITE.kill_rounds)
    assert report.counts["items_in_log"] == IN_SUITE.items
    assert report.counts["refused_flaky"] > 0, "the failing subscriber was never called while it failed"
    assert report.counts["received_slow"] > 0
