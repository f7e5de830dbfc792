"""Wires the ingest service: the scheduler checks due sources and records new entries; the relay
publishes them to `news.items`."""

from __future__ import annotations

import asyncio

from services.ingest.fetch.fetcher import Fetcher, FetchLimits
from services.ingest.loop import Scheduler
from shared.kafka.producer import EventProducer
from shared.kafka.relay import Route
from shared.kafka.topics import NEWS_ITEMS
from shared.netguard import AddressPolicy
from shared.observability.health import Health
from shared.pipeline import run_pipeline_service
from shared.readmodel.projections import all_projections
from shared.settings import Settings
from shared.unit_of_work import Database


def fetch_limits(settings: Settings) -> FetchLimits:
    """One budget for a whole fetch; the body must arrive within two thirds of it."""
    total = settings.ingest_fetch_timeout_seconds
    return FetchLimits(
        max_bytes=settings.ingest_max_bytes,
        connect_timeout=min(10.0, total),
        read_timeout=min(30.0, total),
        body_timeout=total * 2 / 3,
        total_timeout=total,
    )


def make_fetcher(settings: Settings) -> Fetcher:
    return Fetcher(
        policy=AddressPolicy(allow_private=settings.allow_private_networks),
        limits=fetch_limits(settings),
        per_host=settings.ingest_per_host,
        total=settings.ingest_concurrency,
    )


async def run_scheduler(db: Database, settings: Settings, stop: asyncio.Event) -> None:
    async with make_fetcher(settings) as fetcher:
        await Scheduler(db, fetcher, settings).run(stop)


async def main(settings: Settings, stop: asyncio.Event, health: Health) -> None:
    async def scheduler(db: Database, _producer: EventProducer, stop: asyncio.Event) -> None:
        await run_scheduler(db, settings, stop)

    await run_pipeline_service(
        name="ingest",
        settings=settings,
        stop=stop,
        health=health,
        projections=all_projections(),
        routes=[
            Route(
                types=frozenset({"news.item.ingested"}),
                topic=settings.topic(NEWS_ITEMS),
                key=lambda event: event.data["source_id"],
            )
        ],
        extra_tasks=[scheduler],
    )
