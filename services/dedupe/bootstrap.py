"""Wires the dedupe service: consume `news.items`, record story events, relay to `news.stories`."""

from __future__ import annotations

import asyncio

from services.dedupe.handler import handle_item
from services.projections import all_projections
from shared.kafka.relay import Route
from shared.kafka.topics import NEWS_ITEMS, NEWS_STORIES
from shared.observability.health import Health
from shared.pipeline import run_pipeline_service
from shared.settings import Settings


async def main(settings: Settings, stop: asyncio.Event, health: Health) -> None:
    await run_pipeline_service(
        name="dedupe",
        settings=settings,
        stop=stop,
        health=health,
        projections=all_projections(),
        consume=[NEWS_ITEMS],
        handler=handle_item,
        routes=[
            Route(
                types=frozenset({"story.started", "story.item_merged"}),
                topic=settings.topic(NEWS_STORIES),
                key=lambda event: event.data["story_id"],
            )
        ],
    )
