"""Wires the alerts service: consume `news.stories`."""

from __future__ import annotations

import asyncio

from services.alerts.handler import handle_story
from services.projections import all_projections
from shared.kafka.topics import NEWS_STORIES
from shared.observability.health import Health
from shared.pipeline import run_pipeline_service
from shared.settings import Settings


async def main(settings: Settings, stop: asyncio.Event, health: Health) -> None:
    await run_pipeline_service(
        name="alerts",
        settings=settings,
        stop=stop,
        health=health,
        projections=all_projections(),
        consume=[NEWS_STORIES],
        handler=handle_story,
    )
