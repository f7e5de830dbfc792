"""Keeps the shared index bounded and its size visible: forget entries filed longer ago than the
retention (and incidents whose last story is older than it), export gauges.

Every instance runs it; pruning twice deletes nothing the second time.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from services.dedupe import metrics
from services.dedupe.incidents.postgres import PgIncidentIndex
from services.dedupe.index.postgres import PgStoryIndex
from shared.logs import get_logger
from shared.unit_of_work import Database

log = get_logger(__name__)


async def upkeep_once(db: Database, retention: timedelta) -> int:
    async with db.engine.begin() as conn:
        index = PgStoryIndex(conn)
        removed = await index.prune_filed(datetime.now(UTC) - retention)
        incidents = PgIncidentIndex(conn)
        await incidents.prune(datetime.now(UTC) - retention)
        metrics.index_entries.set(await index.size())
        metrics.index_stories.set(await index.stories())
        metrics.index_incidents.set(await incidents.size())
    if removed:
        log.info("dedupe_index_pruned", removed=removed, retention_days=retention / timedelta(days=1))
    return removed


async def keep_index(db: Database, stop: asyncio.Event, retention: timedelta, every: float) -> None:
    while not stop.is_set():
        try:
            await upkeep_once(db, retention)
        except Exception as exc:  # noqa: BLE001 — the next round tries again; items keep flowing
            log.warning("dedupe_upkeep_failed", error=repr(exc))
        try:
            await asyncio.wait_for(stop.wait(), every)
        except TimeoutError:
            pass
