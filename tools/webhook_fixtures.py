"""Helpers for tests of webhook delivery: a database with every projection, subscriptions on a
local receiver, claims queued for them, and a worker run until a condition holds."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from services.alerts.alerting import queue_alerts
from services.alerts.settings import AlertsSettings
from shared.events import Event
from shared.events.claims import claim_stream
from shared.events.subscriptions import SubscriptionFilters, SubscriptionSettings
from shared.eventstore import NO_STREAM
from shared.readmodel.projections import all_projections
from shared.readmodel.subscriptions.commands import create_subscription
from shared.unit_of_work import Database
from shared.webhooks.sender import WebhookSender
from shared.webhooks.worker import DeliveryWorker
from tools.observations import observation

FAST = AlertsSettings(
    webhook_retry_schedule="0,100ms,100ms", webhook_retry_jitter=0, webhook_poll_interval_s=0.05,
    webhook_timeout_s=2, webhook_connect_timeout_s=1, webhook_breaker_cooldown_s=0.5,
)


@asynccontextmanager
async def database(url: str, pool_size: int = 5) -> AsyncIterator[Database]:
    db = Database(create_async_engine(url, pool_size=pool_size, max_overflow=5), all_projections())
    try:
        yield db
    finally:
        await db.engine.dispose()


async def subscribe(db: Database, url: str, **filters: Any) -> tuple[str, str]:
    """A subscription on a local URL; returns (id, secret)."""
    async with db.transaction() as uow:
        created = await create_subscription(
            uow, SubscriptionSettings(url=url, filters=SubscriptionFilters(**filters)), allow_private=True
        )
    return created.subscription_id, created.secret


async def observe_and_queue(db: Database, claim_id: str, **claim: Any) -> list[str]:
    """Record a `claim.observed` and queue its alerts, as the story handler does."""
    observed = observation(claim_id=claim_id, **claim)
    stream = claim_stream(claim_id)
    async with db.transaction() as uow:
        await uow.lock()
        [event] = await uow.record(stream, [Event.new(observed, stream_id=stream, source="test")], expected_version=NO_STREAM)
        return await queue_alerts(uow, event, observed, api_url="http://127.0.0.1:8000")


async def rows(db: Database, sql: str, **params: Any) -> list[Any]:
    async with db.engine.connect() as conn:
        return list((await conn.execute(text(sql), params)).all())


async def run_workers_until(db_urls: list[str], condition: Callable[[], Any], config: AlertsSettings = FAST,
                            timeout: float = 20.0) -> None:
    """Run one delivery worker per URL (each with its own engine) until `await condition()` holds."""
    stop = asyncio.Event()
    async with _workers(db_urls, config, stop) as tasks:
        deadline = time.monotonic() + timeout
        while not await condition():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for deliveries")
            for task in tasks:
                if task.done():
                    task.result()
            await asyncio.sleep(0.05)


@asynccontextmanager
async def _workers(db_urls: list[str], config: AlertsSettings, stop: asyncio.Event):
    dbs = [Database(create_async_engine(url, pool_size=5), all_projections()) for url in db_urls]
    senders = [WebhookSender(total_timeout=config.webhook_timeout_s, connect_timeout=config.webhook_connect_timeout_s,
                             allow_private=True) for _ in dbs]
    tasks = [asyncio.create_task(DeliveryWorker(db, sender, config).run(stop)) for db, sender in zip(dbs, senders)]
    try:
        yield tasks
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        for db, sender in zip(dbs, senders):
            await sender.close()
            await db.close()
