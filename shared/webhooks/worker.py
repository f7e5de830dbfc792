"""The delivery worker: leases due messages, sends each under its endpoint's limits, records
what happened. Runs beside the consumer in every alerts instance; instances share the queue.

Sending and recording are decoupled: finished attempts are written in batches, one transaction
each, far cheaper than a transaction per attempt. If a batch cannot be written
its messages keep their leases, which expire, and they are sent again with the same id.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.events.webhooks import AttemptOutcome
from shared.ids import new_id
from shared.logs import get_logger
from shared.readmodel.deliveries.commands import record_attempt
from shared.readmodel.subscriptions.commands import signing_secrets
from shared.runtime import first_of
from shared.unit_of_work import Database
from shared.webhooks import metrics
from shared.webhooks.circuit import Breakers, CircuitBreaker
from shared.webhooks.message import body_of
from shared.webhooks.queue import Delivery, lease_due, queue_depth
from shared.webhooks.schedule import RetryPolicy, decide
from shared.webhooks.sender import AttemptResult, WebhookSender
from shared.webhooks.settings import WebhookSettings

log = get_logger(__name__)

DEPTH_EVERY_S = 2.0
SECRETS_TTL_S = 5.0
RECORD_BATCH = 200
RECORD_TRIES = 3


@dataclass(frozen=True)
class Finished:
    delivery: Delivery
    result: AttemptResult
    outcome: AttemptOutcome
    next_attempt_at: datetime | None
    at: datetime


class DeliveryWorker:
    def __init__(self, db: Database, sender: WebhookSender, config: WebhookSettings,
                 policy: RetryPolicy | None = None) -> None:
        self.db = db
        self.sender = sender
        self.config = config
        self.policy = policy or config.retry_policy()
        self.owner = f"worker-{new_id()}"
        self.breakers = Breakers(lambda: CircuitBreaker(
            config.webhook_breaker_failures, config.webhook_breaker_cooldown_s, config.webhook_breaker_max_cooldown_s
        ))
        self.in_flight: Counter[str] = Counter()
        self.tasks: set[asyncio.Task] = set()
        self.finished: asyncio.Queue[Finished] = asyncio.Queue()
        self._secrets: dict[str, tuple[float, list[str]]] = {}
        self._wake = asyncio.Event()
        self._closing = False

    def capacity(self, url: str) -> int:
        return self.breakers[url].capacity(self.config.webhook_concurrency_per_endpoint, self.in_flight[url])

    async def run(self, stop: asyncio.Event) -> None:
        recorder = asyncio.create_task(self._record_finished())
        next_depth = 0.0
        try:
            async with self.db.notifier.subscribe(self._wake, required=False):
                while not stop.is_set():
                    self._wake.clear()
                    try:
                        await self.dispatch_due()
                        if time.monotonic() >= next_depth:
                            metrics.webhook_queue_depth.set(await queue_depth(self.db.engine))
                            metrics.webhook_circuits_open.set(len(self.breakers.open_keys()))
                            next_depth = time.monotonic() + DEPTH_EVERY_S
                    except Exception as exc:  # noqa: BLE001 — the database may be away; keep trying
                        log.warning("delivery_poll_failed", error=repr(exc))
                    await first_of(stop, self._wake, timeout=self.config.webhook_poll_interval_s)
                    await self.db.notifier.listen_if_possible()
        finally:
            if self.tasks:
                await asyncio.wait(self.tasks, timeout=self.config.webhook_timeout_s + 5)
            for task in self.tasks:
                task.cancel()
            self._closing = True
            await recorder

    async def dispatch_due(self) -> int:
        """Lease what may be sent now and start sending it; returns how many were started."""
        free = self.config.webhook_max_in_flight - len(self.tasks)
        if free <= 0:
            return 0
        skip = [url for url in list(self.in_flight) + self.breakers.open_keys() if self.capacity(url) == 0]
        leased = await lease_due(
            self.db.engine, owner=self.owner, capacity=self.capacity, limit=free,
            per_endpoint=self.config.webhook_concurrency_per_endpoint, lease_seconds=self.config.lease_seconds,
            skip=skip,
        )
        for delivery in leased:
            self.in_flight[delivery.url] += 1
            self.breakers[delivery.url].started()
            task = asyncio.create_task(self._send(delivery))
            self.tasks.add(task)
            task.add_done_callback(self._done)
        return len(leased)

    def _done(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        self._wake.set()
        if not task.cancelled() and task.exception():
            log.error("delivery_failed", error=repr(task.exception()))

    async def _send(self, delivery: Delivery) -> None:
        try:
            secrets = await self._signing_secrets(delivery.subscription_id)
            result = await self.sender.send(delivery.url, delivery.message_id, body_of(delivery.payload), secrets)
        finally:
            self.in_flight[delivery.url] -= 1
            if self.in_flight[delivery.url] <= 0:
                del self.in_flight[delivery.url]
        self._track_health(delivery.url, result)
        now = datetime.now(UTC)
        outcome, next_attempt_at = decide(delivery, result, self.policy, now)
        self.finished.put_nowait(Finished(delivery, result, outcome, next_attempt_at, now))

    async def _signing_secrets(self, subscription_id: str) -> list[str]:
        """Cached a few seconds: a rotated-out secret keeps signing through its overlap anyway."""
        cached = self._secrets.get(subscription_id)
        if cached and time.monotonic() - cached[0] < SECRETS_TTL_S:
            return cached[1]
        async with self.db.engine.connect() as conn:
            secrets = await signing_secrets(conn, subscription_id)
        self._secrets[subscription_id] = (time.monotonic(), secrets)
        return secrets

    def _track_health(self, url: str, result: AttemptResult) -> None:
        breaker = self.breakers[url]
        if result.status_code is not None and not (result.status_code >= 500 or result.status_code == 429):
            breaker.succeeded()
        else:
            breaker.failed()

    async def _record_finished(self) -> None:
        """Write finished attempts until the worker closes and nothing is left to write."""
        while not (self._closing and self.finished.empty()):
            try:
                batch = [await asyncio.wait_for(self.finished.get(), self.config.webhook_poll_interval_s)]
            except TimeoutError:
                continue
            while len(batch) < RECORD_BATCH and not self.finished.empty():
                batch.append(self.finished.get_nowait())
            await self._write(batch)

    async def _write(self, batch: list[Finished]) -> None:
        for attempt in range(1, RECORD_TRIES + 1):
            try:
                async with self.db.transaction() as uow:
                    await uow.lock()
                    for done in batch:
                        await record_attempt(uow, done.delivery, done.result, done.outcome, done.next_attempt_at, done.at)
                break
            except Exception as exc:  # noqa: BLE001 — leases expire and the messages go again
                log.warning("recording_attempts_failed", attempt=attempt, size=len(batch), error=repr(exc))
                if attempt == RECORD_TRIES:
                    return
                await asyncio.sleep(attempt)
        for done in batch:
            self._observe(done)
        self._wake.set()

    def _observe(self, done: Finished) -> None:
        metrics.webhook_attempts.labels(done.delivery.subscription_id, done.outcome).inc()
        if done.outcome == "delivered":
            metrics.webhook_delivery_latency.observe((done.at - done.delivery.claim_observed_at).total_seconds())
        elif done.outcome in ("dead_lettered", "gone"):
            metrics.webhook_dead_letters.inc()
        log.debug("webhook_attempted", delivery_id=done.delivery.delivery_id, outcome=done.outcome,
                  status=done.result.status_code, latency_ms=done.result.latency_ms, error=done.result.error)


async def run_delivery_worker(db: Database, config: WebhookSettings, allow_private: bool, stop: asyncio.Event) -> None:
    sender = WebhookSender(
        connect_timeout=config.webhook_connect_timeout_s, total_timeout=config.webhook_timeout_s,
        max_response_bytes=config.webhook_max_response_bytes, allow_private=allow_private,
    )
    try:
        await DeliveryWorker(db, sender, config).run(stop)
    finally:
        await sender.close()
