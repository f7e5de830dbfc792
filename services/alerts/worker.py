"""The delivery worker: leases due messages, sends each under its endpoint's limits, records
what happened. Runs beside the consumer in every alerts instance; instances share the queue."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import UTC, datetime

import orjson

from services.alerts import metrics
from services.alerts.circuit import Breakers, CircuitBreaker
from services.alerts.deliveries import decide, record_attempt
from services.alerts.queue import Delivery, lease_due, queue_depth
from services.alerts.schedule import RetryPolicy
from services.alerts.sender import AttemptResult, WebhookSender
from services.alerts.settings import AlertsSettings
from services.alerts.subscriptions import signing_secrets
from shared.ids import new_id
from shared.logs import get_logger
from shared.unit_of_work import Database

log = get_logger(__name__)

DEPTH_EVERY_S = 2.0


def body_of(payload: dict) -> bytes:
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)


class DeliveryWorker:
    def __init__(self, db: Database, sender: WebhookSender, config: AlertsSettings,
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
        self._wake = asyncio.Event()

    def capacity(self, url: str) -> int:
        return self.breakers[url].capacity(self.config.webhook_concurrency_per_endpoint, self.in_flight[url])

    async def run(self, stop: asyncio.Event) -> None:
        next_depth = 0.0
        try:
            while not stop.is_set():
                try:
                    await self.dispatch_due()
                    if time.monotonic() >= next_depth:
                        metrics.webhook_queue_depth.set(await queue_depth(self.db.engine))
                        metrics.webhook_circuits_open.set(len(self.breakers.open_keys()))
                        next_depth = time.monotonic() + DEPTH_EVERY_S
                except Exception as exc:  # noqa: BLE001 — the database may be away; keep trying
                    log.warning("delivery_poll_failed", error=repr(exc))
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), self.config.webhook_poll_interval_s)
                except TimeoutError:
                    pass
        finally:
            if self.tasks:
                await asyncio.wait(self.tasks, timeout=self.config.webhook_timeout_s + 5)

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
            task = asyncio.create_task(self._deliver(delivery))
            self.tasks.add(task)
            task.add_done_callback(self._done)
        return len(leased)

    def _done(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        self._wake.set()
        if not task.cancelled() and task.exception():
            log.error("delivery_failed", error=repr(task.exception()))

    async def _deliver(self, delivery: Delivery) -> None:
        try:
            async with self.db.engine.connect() as conn:
                secrets = await signing_secrets(conn, delivery.subscription_id)
            result = await self.sender.send(delivery.url, delivery.message_id, body_of(delivery.payload), secrets)
            self._track_health(delivery.url, result)
            now = datetime.now(UTC)
            outcome, next_attempt_at = decide(delivery, result, self.policy, now)
            async with self.db.transaction() as uow:
                await record_attempt(uow, delivery, result, outcome, next_attempt_at, now)
        finally:
            self.in_flight[delivery.url] -= 1
            if self.in_flight[delivery.url] <= 0:
                del self.in_flight[delivery.url]
        metrics.webhook_attempts.labels(outcome).inc()
        if outcome == "delivered":
            metrics.webhook_delivery_latency.observe((now - delivery.claim_observed_at).total_seconds())
        elif outcome in ("dead_lettered", "gone"):
            metrics.webhook_dead_letters.inc()
        log.info("webhook_attempted", delivery_id=delivery.delivery_id, outcome=outcome,
                 status=result.status_code, latency_ms=result.latency_ms, error=result.error)

    def _track_health(self, url: str, result: AttemptResult) -> None:
        breaker = self.breakers[url]
        healthy = result.status_code is not None and not (result.status_code >= 500 or result.status_code == 429)
        if healthy:
            breaker.succeeded()
        else:
            breaker.failed()


async def run_delivery_worker(db: Database, config: AlertsSettings, allow_private: bool, stop: asyncio.Event) -> None:
    sender = WebhookSender(
        connect_timeout=config.webhook_connect_timeout_s, total_timeout=config.webhook_timeout_s,
        max_response_bytes=config.webhook_max_response_bytes, allow_private=allow_private,
    )
    try:
        await DeliveryWorker(db, sender, config).run(stop)
    finally:
        await sender.close()
