"""Wires the dedupe service: consume `news.items`, decide with the PostgreSQL index, record story
events, relay them to `news.stories`, and keep the index pruned."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from services.dedupe.fingerprint import DedupeConfig
from services.dedupe.handler import ItemHandler
from services.dedupe.incidents.decision import IncidentConfig
from services.dedupe.upkeep import keep_index
from shared.kafka.relay import Route
from shared.kafka.topics import NEWS_ITEMS, NEWS_STORIES
from shared.observability.health import Health
from shared.pipeline import run_pipeline_service
from shared.readmodel.projections import all_projections
from shared.settings import Settings


def dedupe_config(settings: Settings) -> DedupeConfig:
    incidents = IncidentConfig(window=timedelta(days=settings.dedupe_incident_window_days))
    return DedupeConfig(window=timedelta(days=settings.dedupe_window_days), incidents=incidents)


def retention(settings: Settings) -> timedelta:
    """Never shorter than the window, so an entry outlives the items of its time that arrive late."""
    return timedelta(days=max(settings.dedupe_retention_days, settings.dedupe_window_days))


async def main(settings: Settings, stop: asyncio.Event, health: Health) -> None:
    async def upkeep(db, producer, stop: asyncio.Event) -> None:
        await keep_index(db, stop, retention(settings), settings.dedupe_upkeep_seconds)

    await run_pipeline_service(
        name="dedupe",
        settings=settings,
        stop=stop,
        health=health,
        projections=all_projections(),
        consume=[NEWS_ITEMS],
        handler=ItemHandler(dedupe_config(settings)),
        routes=[
            Route(
                types=frozenset({"story.started", "story.item_merged"}),
                topic=settings.topic(NEWS_STORIES),
                key=lambda event: event.data["story_id"],
            )
        ],
        extra_tasks=[upkeep],
    )
