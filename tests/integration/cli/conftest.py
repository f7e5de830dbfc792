"""A database per test, the `sitrep` command pointed at it, and a few facts recorded in it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from shared.db import create_engine
from shared.events.claims import CountRange
from shared.readmodel.projections import all_projections
from shared.settings import Settings
from shared.unit_of_work import Database
from tests.conftest import REPO
from tests.support.api_seed import add_claim, add_feed, add_story
from tools.processes import SITREP

LONG_TITLE = "Ministry of Defence of a country with a very long official name indeed (news in English)"


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    return {**os.environ, "SITREP_DATABASE_URL": database_url, "SITREP_ALLOW_PRIVATE_NETWORKS": "true",
            "SITREP_API_PORT": "9", "SITREP_METRICS_PORT_BASE": "9"}


@pytest.fixture
def sitrep(env):
    """Runs `sitrep ARGS` with its output piped (not a terminal); returns the finished process."""
    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SITREP), *args], env=env, cwd=REPO, capture_output=True, text=True,
                              timeout=timeout)

    return run


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(create_engine(Settings(database_url=database_url), pool_size=2), all_projections())
    yield database
    await database.close()


async def mark_failing(db: Database, feed_id: str, failures: int, healthy: bool = True) -> None:
    from services.ingest.schedule.fetch_state import save_state
    from services.ingest.schedule.leases import claim_due

    now = datetime.now(UTC) + timedelta(seconds=1)
    claims = await claim_due(db.engine, now, 10, Settings())
    [claim] = [c for c in claims if c.state.source_id == feed_id]
    failed = replace(claim.state, last_checked_at=now, last_status=503, last_error="HTTP 503",
                     last_error_kind="http_status", consecutive_failures=failures, healthy=healthy,
                     next_check_at=now + timedelta(minutes=4))
    async with db.engine.begin() as conn:
        assert await save_state(conn, failed, claim.lease_id)


@pytest.fixture
async def world(db: Database) -> dict[str, str]:
    """Two sources (one failing), a story and two claims observed a few minutes ago."""
    now = datetime.now(UTC)
    ministry = await add_feed(db, "https://mod.example/rss", title=LONG_TITLE, owner="MoD", official=True,
                              country="AM", language="en")
    wire = await add_feed(db, "https://wire.example/rss", title="Wire", owner="Wire agency")
    await mark_failing(db, wire, 3)
    story = await add_story(db, "Drones shot down over the border", [(ministry, "AM")], now - timedelta(minutes=7))
    evidence = {"story_id": story, "source_id": ministry, "source_owner": "MoD", "source_official": True}
    await add_claim(db, "drones", now - timedelta(minutes=6), evidence=evidence, category="downed", subject="drone",
                    count=CountRange(min=3, max=3), side="Azerbaijan", claimant="Ministry of Defence of Armenia",
                    claimant_party="Armenia", context="armed_conflict", conflict="armenia-azerbaijan")
    await add_claim(db, "tally", now - timedelta(minutes=3), evidence=evidence, category="killed", subject="soldier",
                    count=CountRange(min=None, max=430), side="Ukraine", claimant="Ministry of Defence of Russia",
                    claimant_party="Russia", basis="total")
    return {"ministry": ministry, "wire": wire, "story": story}
