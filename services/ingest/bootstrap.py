"""Wires the ingest service: poll feeds, record items, relay them to `news.items`."""

from __future__ import annotations

import asyncio

from services.ingest.poller import poll_forever
from services.projections import all_projections
from shared.kafka.relay import Route
from shared.kafka.topics import NEWS_ITEMS
from shared.observability.health import Health
from shared.pipeline import run_pipeline_service
from shared.settings import Settings


async def main(settings: Settings, stop: asyncio.Event, health: Health) -> None:
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
        extra_tasks=[lambda db, producer, stop: poll_forever(db, stop)],
    )
