"""`sitrep feeds list` shows each source's fetch state."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from services.ingest.fetch_state import save_state
from services.ingest.leases import claim_due
from services.ingest.registry import register_feed
from services.projections import all_projections
from shared.db import create_engine
from shared.events.feeds import FeedSettings
from shared.unit_of_work import Database
from tests.conftest import REPO


async def test_feeds_list_shows_the_fetch_state(settings):
    db = Database(create_engine(settings, pool_size=2), all_projections())
    async with db.transaction() as uow:
        feed_id = await register_feed(uow, FeedSettings(url="http://127.0.0.1:9/feed.xml", owner="MoD"))
    now = datetime.now(UTC) + timedelta(seconds=1)
    [claim] = await claim_due(db.engine, now, 1, settings)
    failed = replace(claim.state, last_checked_at=now, last_status=503, last_error="HTTP 503",
                     last_error_kind="http_status", consecutive_failures=2, next_check_at=now + timedelta(minutes=4))
    async with db.engine.begin() as conn:
        assert await save_state(conn, failed, claim.lease_id)
    await db.engine.dispose()

    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", "feeds", "list", cwd=REPO,
        env={**os.environ, "SITREP_DATABASE_URL": settings.database_url}, stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await process.communicate()
    assert process.returncode == 0
    [row] = [json.loads(line) for line in out.decode().splitlines()]
    assert (row["feed_id"], row["owner"], row["url"]) == (feed_id, "MoD", "http://127.0.0.1:9/feed.xml")
    assert (row["last_status"], row["last_error_kind"], row["last_error"]) == ("503", "http_status", "HTTP 503")
    assert row["consecutive_failures"] == 2 and row["healthy"] is True and row["items_seen"] == 0
    assert datetime.fromisoformat(row["next_check_at"]) == now + timedelta(minutes=4)
    assert "lease_id" not in row and "recent_published" not in row
