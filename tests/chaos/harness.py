"""A chaos run: the real services as separate processes against a real PostgreSQL and Kafka, a
stream of items from local feeds, faults on a schedule, then the invariants and the counts."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from shared.kafka.topics import NEWS_ITEMS, NEWS_STORIES
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database
from tests.chaos import checks
from tests.chaos import corpus as corpus_mod
from tests.chaos.brokers import replication, wait_in_sync
from tests.chaos.feeds import GrowingFeeds
from tests.chaos.infra import OwnStack
from tests.chaos.plan import Plan
from tests.chaos.poison import dead_letters, send_poison
from tests.chaos.receivers import Receiver
from tests.chaos.replay_check import replay_equals_live
from tests.chaos.stages import Progress, progress
from tools.feed_server import FeedServer
from tools.processes import ServiceProcess, sitrep

SERVICES = ("ingest", "dedupe", "alerts")
RECOVERY_TIMEOUT = 120.0


@dataclass
class Report:
    counts: dict[str, Any] = field(default_factory=dict)
    recoveries: list[tuple[str, float, float]] = field(default_factory=list)
    """(fault, seconds until the system moved again, seconds from the fault's start)."""

    def lines(self) -> list[str]:
        out = [f"{k:>24}: {v}" for k, v in self.counts.items()]
        out += [f"{'recovery ' + fault:>24}: {moved:.1f}s after it ended ({whole:.1f}s from its start)"
                for fault, moved, whole in self.recoveries]
        return out


class ChaosRun:
    def __init__(self, plan: Plan, database_url: str, bootstrap: str, topic_prefix: str, log_dir: Path,
                 stack: OwnStack | None = None) -> None:
        self.plan = plan
        self.bootstrap = bootstrap
        self.prefix = topic_prefix
        self.stack = stack
        self.log_dir = log_dir
        self.corpus = corpus_mod.build(plan.items, plan.feeds, plan.flow_seconds)
        self.env = {
            **os.environ,
            "SITREP_DATABASE_URL": database_url, "SITREP_KAFKA_BOOTSTRAP": bootstrap,
            "SITREP_TOPIC_PREFIX": topic_prefix, "SITREP_ALLOW_PRIVATE_NETWORKS": "true",
            "SITREP_LOG_FORMAT": "json", "SITREP_DATABASE_POOL_SIZE": "5",
            "SITREP_INGEST_TICK_SECONDS": "0.5", "SITREP_INGEST_LEASE_SECONDS": str(plan.ingest_lease_s),
            "SITREP_INGEST_PER_HOST": "8",
            "SITREP_INGEST_FETCH_TIMEOUT_SECONDS": "6",
            "SITREP_WEBHOOK_RETRY_SCHEDULE": plan.retry_schedule, "SITREP_WEBHOOK_RETRY_JITTER": "0",
            "SITREP_WEBHOOK_TIMEOUT_S": str(plan.webhook_timeout_s), "SITREP_WEBHOOK_CONNECT_TIMEOUT_S": "1",
            "SITREP_WEBHOOK_BREAKER_COOLDOWN_S": "1", "SITREP_WEBHOOK_BREAKER_MAX_COOLDOWN_S": "4",
            "SITREP_WEBHOOK_POLL_INTERVAL_S": "0.1",
        }
        self.engine: AsyncEngine = create_async_engine(database_url, pool_size=2, pool_pre_ping=True)
        self.services = {name: ServiceProcess(name, self.env, log_dir) for name in SERVICES}
        self.receivers = {s.name: Receiver(s.name, timeout_s=plan.webhook_timeout_s) for s in plan.subscribers}
        self.watched: list[checks.Watched] = []
        self.report = Report()
        self.poisoned = 0
        """Poison messages on news.stories that alerts records as read (the readable ones)."""
        self._restarting: set[str] = set()
        self._recoveries: list[asyncio.Task] = []
        self._background: list[asyncio.Task] = []

    # -- setup ---------------------------------------------------------
    async def _subscribe(self) -> None:
        async def add(sub) -> None:
            args = ["subscriptions", "add", self.receivers[sub.name].url, "--description", sub.name, *sub.filters]
            created = json.loads(await asyncio.to_thread(sitrep, args, self.env))
            self.watched.append(checks.Watched(created["subscription_id"], self.receivers[sub.name], sub.wants))

        await asyncio.gather(*(add(sub) for sub in self.plan.subscribers))

    async def _register(self, feeds: GrowingFeeds) -> None:
        db = Database(self.engine, all_projections())
        await feeds.register(db)

    # -- watching ------------------------------------------------------
    async def now(self) -> Progress:
        while True:
            try:
                return await progress(self.engine, f"{self.prefix}sitrep-alerts")
            except Exception:  # noqa: BLE001 — PostgreSQL may be down on purpose
                await asyncio.sleep(0.3)

    def _crashes(self) -> list[str]:
        return [reason for name, svc in self.services.items()
                if name not in self._restarting and (reason := svc.crashed())]

    async def _recovered(self, names: list[str], before: Progress, since: float) -> float:
        """Seconds from `since` until each named stage has moved (or has nothing to do) and its
        service is ready."""
        waiting = set(names)
        while waiting:
            if crashes := self._crashes():
                raise AssertionError("; ".join(crashes))
            if time.monotonic() - since > RECOVERY_TIMEOUT:
                raise AssertionError(f"{sorted(waiting)} did not recover within {RECOVERY_TIMEOUT}s")
            now = await self.now()
            for name in list(waiting):
                moved = now.moved(name) > before.moved(name)
                idle = not now.pending(name, self.feeds.released(), self.poisoned)
                service = self.services.get(name)
                if (moved or idle) and (service is None or await asyncio.to_thread(service.ready)):
                    waiting.discard(name)
            await asyncio.sleep(0.2)
        return time.monotonic() - since

    # -- faults --------------------------------------------------------
    async def kill_round(self, number: int) -> None:
        """SIGKILL ingest, dedupe and alerts while each has work in hand; start them again at once."""
        for name in SERVICES:
            deadline = time.monotonic() + 5
            while not (await self.now()).pending(name, self.feeds.released(), self.poisoned):
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.1)
            before = await self.now()
            self._restarting.add(name)
            self.services[name].kill()
            killed_at = time.monotonic()
            self.services[name].start()
            self._restarting.discard(name)
            self._recoveries.append(asyncio.create_task(
                self._record(f"kill -9 {name} #{number}", [name], before, killed_at, killed_at)))
            await asyncio.sleep(1.0)

    async def outage(self, component: str, seconds: float) -> None:
        """Stop the broker or the database under the running services, then start it again."""
        assert self.stack is not None, "restarts need a stack of the run's own"
        before = await self.now()
        started = time.monotonic()
        await asyncio.to_thread(self.stack.stop, component)
        await asyncio.sleep(seconds)
        await asyncio.to_thread(self.stack.start, component)
        await self._record(f"{component} restart", [*SERVICES, "stories"], before, time.monotonic(), started)

    def _topics(self) -> list[str]:
        return [f"{self.prefix}{t}" for t in (NEWS_ITEMS, NEWS_STORIES)]

    async def broker_kill(self, seconds: float, node: int = 1) -> None:
        """SIGKILL one broker under the running services; the pipeline must move on without it
        (recovery is timed from the kill, the broker still down), then it comes back."""
        assert self.stack is not None and self.stack.brokers > 1, "a broker kill needs a cluster"
        before = await self.now()
        await asyncio.to_thread(self.stack.kill_broker, node)
        killed_at = time.monotonic()
        self._recoveries.append(asyncio.create_task(
            self._record(f"kill -9 broker {node}", [*SERVICES, "stories"], before, killed_at, killed_at)))
        await asyncio.sleep(seconds)
        await asyncio.to_thread(self.stack.start_broker, node)
        self.report.counts[f"broker_{node}_back_in_sync_s"] = round(await wait_in_sync(self.bootstrap, self._topics()), 1)

    async def rolling_restart(self) -> None:
        """Stop and start every broker in turn, each back in sync before the next goes down."""
        assert self.stack is not None and self.stack.brokers > 1, "a rolling restart needs a cluster"
        before = await self.now()
        started = time.monotonic()
        took = []
        for node in range(1, self.stack.brokers + 1):
            node_started = time.monotonic()
            await asyncio.to_thread(self.stack.stop_broker, node)
            await asyncio.to_thread(self.stack.start_broker, node)
            await wait_in_sync(self.bootstrap, self._topics())
            took.append(round(time.monotonic() - node_started, 1))
        self.report.counts["rolling_restart_s_per_broker"] = took
        await self._record("rolling restart", [*SERVICES, "stories"], before, time.monotonic(), started)

    async def _record(self, fault: str, names: list[str], before: Progress, back: float, started: float) -> None:
        await self._recovered(names, before, back)
        ended = time.monotonic()
        self.report.recoveries.append((fault, ended - back, ended - started))

    async def _poison(self) -> None:
        await send_poison(self.bootstrap, f"{self.prefix}{NEWS_STORIES}", "story.started")
        self.poisoned = 1
        await send_poison(self.bootstrap, f"{self.prefix}{NEWS_ITEMS}", "news.item.ingested")

    async def _modes(self) -> None:
        steps = sorted((at, sub.name, mode) for sub in self.plan.subscribers for at, mode in sub.modes)
        for at, name, mode in steps:
            await asyncio.sleep(max(0.0, at - self.feeds.elapsed()))
            await asyncio.to_thread(self.receivers[name].set_mode, mode)

    def _fault(self, what: str, seconds: float) -> Awaitable[None]:
        if what == "broker-kill":
            return self.broker_kill(seconds)
        if what == "rolling-restart":
            return self.rolling_restart()
        return self.outage(what, seconds)

    async def _timeline(self) -> None:
        steps: list[tuple[float, Callable[[], Awaitable[None]]]] = [(self.plan.poison_at, self._poison)]
        steps += [(at, lambda n=n: self.kill_round(n)) for n, at in enumerate(self.plan.kill_rounds, 1)]
        steps += [(at, lambda c=c, s=s: self._fault(c, s)) for at, c, s in self.plan.outages]
        for at, step in sorted(steps, key=lambda s: s[0]):
            await asyncio.sleep(max(0.0, at - self.feeds.elapsed()))
            await step()

    async def _settle(self) -> float:
        """Wait until every item is served and handled and every alert delivered; returns when."""
        deadline = time.monotonic() + self.plan.settle_timeout
        while True:
            if crashes := self._crashes():
                raise AssertionError("; ".join(crashes))
            for task in [*self._recoveries, *self._background]:
                if task.done() and not task.cancelled() and task.exception():
                    raise task.exception()
            now = await self.now()
            done = self.feeds.released() == len(self.corpus.items) and not any(
                now.pending(name, len(self.corpus.items), self.poisoned) for name in SERVICES)
            if done and self.report.recoveries and len(self.report.recoveries) == self._faults():
                return self.feeds.elapsed()
            if time.monotonic() > deadline:
                raise AssertionError(f"not settled after {self.plan.settle_timeout}s: {now}")
            await asyncio.sleep(0.5)

    def _faults(self) -> int:
        return len(self.plan.kill_rounds) * len(SERVICES) + len(self.plan.outages)

    # -- the run -------------------------------------------------------
    async def run(self) -> Report:
        started = time.monotonic()
        for receiver in self.receivers.values():
            receiver.start()
        server = FeedServer().start()
        self.feeds = GrowingFeeds(server, self.corpus)
        try:
            await asyncio.gather(self._subscribe(), self._register(self.feeds))
            for svc in self.services.values():
                svc.start()
            for svc in self.services.values():
                await asyncio.to_thread(svc.wait_ready, 90)
            self.feeds.start()
            self._background = [asyncio.create_task(self._modes()), asyncio.create_task(self._timeline())]
            settled_at = await self._settle()
            for task in self._background:
                task.cancel()
            for svc in self.services.values():
                await asyncio.to_thread(svc.stop)
            await self._check(settled_at, time.monotonic() - started)
        finally:
            leftover = [t for t in [*self._background, *self._recoveries] if not t.done()]
            for task in leftover:
                task.cancel()
            await asyncio.gather(*self._background, *self._recoveries, return_exceptions=True)
            for svc in self.services.values():
                await asyncio.to_thread(svc.stop)
            server.stop()
            for receiver in self.receivers.values():
                receiver.stop()
            await self.engine.dispose()
        return self.report

    async def _check(self, settled_at: float, elapsed: float) -> None:
        counts = self.report.counts
        counts.update(served=len(self.corpus.items), feeds=self.plan.feeds,
                      claims_in_corpus=len(self.corpus.alerting))
        async with self.engine.connect() as conn:
            counts["items_in_log"] = await checks.items_once(conn, self.corpus)
            counts["stories"] = await checks.stories_once(conn, self.corpus)
            counts.update(await checks.claims_once(conn, self.corpus))
            counts.update(await checks.alerts_delivered(conn, self.corpus, self.watched))
        for topic in (NEWS_ITEMS, NEWS_STORIES):
            letters = await dead_letters(self.bootstrap, f"{self.prefix}{topic}", expect=2)
            # At least once: a consumer killed after dead-lettering, before its commit, does it again.
            originals = {(h.get("sitrep_original_partition"), h.get("sitrep_original_offset")) for _, h in letters}
            assert len(originals) == 2, f"{topic}.dlq holds {len(originals)} distinct messages, expected the 2 poison ones"
            assert all(h.get("sitrep_original_topic") == f"{self.prefix}{topic}" for _, h in letters)
            counts[f"dead_letter_copies_{topic}"] = len(letters)
        counts["dead_lettered"] = 4
        counts["kills"] = sum(svc.kills for svc in self.services.values())
        counts["brokers"] = self.plan.brokers
        layout = await replication(self.bootstrap, self._topics())
        wanted = (min(3, self.plan.brokers), "2" if self.plan.brokers >= 3 else "1")
        assert all(found == wanted for found in layout.values()), f"topics replicated as {layout}, expected {wanted}"
        counts["replication, min.insync.replicas"] = wanted
        replayed = await replay_equals_live(self.engine, self.env)
        counts["replayed_rows"] = sum(replayed.values())
        counts["flow_settled_s"] = round(settled_at, 1)
        counts["run_s"] = round(elapsed, 1)
