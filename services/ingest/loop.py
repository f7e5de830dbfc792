"""The ingest loop: every tick, claim the sources that are due and check each one.

A check runs as its own task — fetch, parse and normalise, fetch the full articles of new entries
where the source asks for them, then record — within the global limit of simultaneous checks and
the per-host limit. A source waiting for its host's turn holds its lease, which starts again when
its fetch begins, so a long queue for one host neither spends fetch time nor loses the work. One
source's failure, whatever it is, is recorded as that source's error and never stops the loop.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from services.ingest import metrics
from services.ingest.check import Failed, Fetched, Outcome, check_source
from services.ingest.fetch.fetcher import Fetcher
from services.ingest.fetch.fulltext import add_full_text
from services.ingest.fetch.politeness import HostLimiter
from services.ingest.record import LeaseLost, Recorded, record_check, unseen
from services.ingest.schedule.leases import Claim, claim_due, renew_lease
from shared.text.boilerplate import HostBoilerplate
from services.ingest.source_gauges import refresh_gauges
from shared.ids import new_id
from shared.logs import get_logger
from shared.settings import Settings
from shared.unit_of_work import Database

log = get_logger(__name__)
QUEUE_FACTOR = 4
"""Claimed sources per simultaneous check, so one slow host does not starve the others."""
GAUGE_EVERY = 10.0
STOP_GRACE = 5.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class Scheduler:
    def __init__(self, db: Database, fetcher: Fetcher, settings: Settings, *,
                 clock: Callable[[], datetime] = utc_now, rng: random.Random | None = None) -> None:
        self.db = db
        self.fetcher = fetcher
        self.boilerplate = HostBoilerplate()
        """Each host's repeated lines, learnt from the full articles this instance fetched."""
        self.settings = settings
        self.clock = clock
        self.rng = rng or random.Random()
        self.hosts = HostLimiter(per_host=settings.ingest_per_host, total=settings.ingest_concurrency)
        self.checks: set[asyncio.Task] = set()

    async def run(self, stop: asyncio.Event) -> None:
        gauges_due = 0.0
        loop = asyncio.get_running_loop()
        try:
            while not stop.is_set():
                await self.claim_and_start()
                if loop.time() >= gauges_due:
                    gauges_due = loop.time() + GAUGE_EVERY
                    await self.refresh_gauges()
                try:
                    await asyncio.wait_for(stop.wait(), timeout=self.settings.ingest_tick_seconds)
                except TimeoutError:
                    pass
        finally:
            await self.finish()

    async def claim_and_start(self) -> None:
        room = self.settings.ingest_concurrency * QUEUE_FACTOR - len(self.checks)
        try:
            claims = await claim_due(self.db.engine, self.clock(), room, self.settings)
        except Exception as exc:  # noqa: BLE001 — the database may be away; try again next tick
            log.warning("claim_failed", error=repr(exc))
            return
        for claim in claims:
            task = asyncio.create_task(self.check(claim), name=f"check-{claim.source.id}")
            self.checks.add(task)
            task.add_done_callback(self._done)
        metrics.checks_in_flight.set(len(self.checks))

    def _done(self, task: asyncio.Task) -> None:
        self.checks.discard(task)
        metrics.checks_in_flight.set(len(self.checks))

    async def check(self, claim: Claim) -> Recorded | None:
        source = claim.source
        fetch_id = new_id()
        host = urlsplit(source.url).hostname or ""
        try:
            async with self.hosts.slot(host):
                if not await renew_lease(self.db.engine, claim, self.clock(), self.settings):
                    raise LeaseLost(source.id)
                outcome = await self.fetch_and_parse(claim)
                if claim.fetch_full_text and isinstance(outcome, Fetched) and outcome.items:
                    outcome = await self.with_full_text(outcome)
            recorded = await record_check(self.db, claim, outcome, now=self.clock(), fetch_id=fetch_id, rng=self.rng)
        except LeaseLost:
            log.warning("lease_lost", source=source.id, fetch_id=fetch_id)
            return None
        except Exception as exc:  # noqa: BLE001 — the lease runs out and the source is retried
            log.error("check_failed", source=source.id, fetch_id=fetch_id, error=repr(exc))
            return None
        self.count(claim, outcome, recorded)
        quiet = not isinstance(outcome, Failed) and not recorded.new_items  # nothing new: the common case
        (log.debug if quiet else log.info)(
            "source_checked", source=source.id, fetch_id=fetch_id, outcome=outcome.outcome,
            new_items=recorded.new_items, next_check_at=recorded.state.next_check_at.isoformat(),
            **({"error": outcome.message} if isinstance(outcome, Failed) else {}),
        )
        return recorded

    async def fetch_and_parse(self, claim: Claim) -> Outcome:
        try:
            return await check_source(
                self.fetcher, claim.source, etag=claim.state.etag, last_modified=claim.state.last_modified,
                now=self.clock(), max_items=self.settings.ingest_max_items, content_hash=claim.state.content_hash,
            )
        except Exception as exc:  # noqa: BLE001 — a document that trips a bug is that source's error
            log.exception("check_crashed", source=claim.source.id)
            return Failed("internal", f"{type(exc).__name__}: {exc}")

    async def with_full_text(self, outcome: Fetched) -> Fetched:
        """The new entries with their full articles (entries already in the log are not fetched)."""
        new = await unseen(self.db, outcome.items)
        enriched, warnings = await add_full_text(
            self.fetcher, new, self.settings.ingest_fetch_timeout_seconds, self.boilerplate
        )
        by_key = {item.item_key: item for item in enriched}
        items = [by_key.get(item.item_key, item) for item in outcome.items]
        return replace(outcome, items=items, warnings=[*outcome.warnings, *warnings])

    def count(self, claim: Claim, outcome: Outcome, recorded: Recorded) -> None:
        source = claim.source.id
        metrics.fetches.labels(source, outcome.outcome).inc()
        if recorded.new_items:
            metrics.items_ingested.labels(source).inc(recorded.new_items)
        if not isinstance(outcome, Failed) and outcome.warnings:
            metrics.document_warnings.labels(source).inc()
        if recorded.moved_to:
            log.info("source_moved", source=source, url=recorded.moved_to)
        if recorded.health_changed:
            log.warning("source_health_changed", source=source, healthy=recorded.state.healthy)

    async def refresh_gauges(self) -> None:
        try:
            await refresh_gauges(self.db.engine, self.clock())
        except Exception as exc:  # noqa: BLE001 — gauges wait for the next round
            log.warning("gauges_failed", error=repr(exc))

    async def finish(self) -> None:
        """Let checks in flight end briefly, then cancel the rest: their leases bring them back."""
        if self.checks:
            await asyncio.wait(set(self.checks), timeout=STOP_GRACE)
        for task in list(self.checks):
            task.cancel()
        await asyncio.gather(*self.checks, return_exceptions=True)
