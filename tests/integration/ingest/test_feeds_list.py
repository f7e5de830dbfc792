"""`sitrep feeds add` and `sitrep feeds list`: a source's settings and its fetch state."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from services.ingest.schedule.fetch_state import save_state
from services.ingest.schedule.leases import claim_due
from shared.db import create_engine
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database
from tests.conftest import REPO


async def sitrep(settings, *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", *args, cwd=REPO,
        env={**os.environ, "SITREP_DATABASE_URL": settings.database_url, "SITREP_ALLOW_PRIVATE_NETWORKS": "true"},
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await process.communicate()
    assert process.returncode == 0, args
    return out.decode()


async def test_feeds_list_shows_the_fetch_state(settings):
    url = "http://127.0.0.1:9/feed.xml"
    added = await sitrep(settings, "feeds", "add", url, "--owner", "MoD", "--full-text", "--min-interval", "30")
    feed_id = added.strip()
    db = Database(create_engine(settings, pool_size=2), all_projections())
    now = datetime.now(UTC) + timedelta(seconds=1)
    [claim] = await claim_due(db.engine, now, 1, settings)
    failed = replace(claim.state, last_checked_at=now, last_status=503, last_error="HTTP 503",
                     last_error_kind="http_status", consecutive_failures=2, next_check_at=now + timedelta(minutes=4))
    async with db.engine.begin() as conn:
        assert await save_state(conn, failed, claim.lease_id)
    await db.engine.dispose()

    [row] = [json.loads(line) for line in (await sitrep(settings, "feeds", "list")).splitlines()]
    assert (row["feed_id"], row["owner"], row["url"]) == (feed_id, "MoD", url)
    assert row["fetch_full_text"] is True and row["min_interval_s"] == 30
    assert (row["last_status"], row["last_error_kind"], row["last_error"]) == ("503", "http_status", "HTTP 503")
    assert row["consecutive_failures"] == 2 and row["healthy"] is True and row["items_seen"] == 0
    assert datetime.fromisoformat(row["next_check_at"]) == now + timedelta(minutes=4)
    assert "lease_id" not in row and "recent_published" not in row
