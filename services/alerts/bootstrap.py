"""Wires the alerts service: consume `news.stories`, record claims and alerts, and run the
delivery worker beside the consumer."""

from __future__ import annotations

import asyncio
from functools import partial

from services.alerts.handler import StoryHandler
from services.alerts.settings import AlertsSettings
from shared.kafka.topics import NEWS_STORIES
from shared.observability.health import Health
from shared.pipeline import run_pipeline_service
from shared.readmodel.projections import all_projections
from shared.settings import Settings
from shared.webhooks.worker import run_delivery_worker


async def main(settings: Settings, stop: asyncio.Event, health: Health, alerts: AlertsSettings | None = None) -> None:
    alerts = alerts or AlertsSettings()

    async def deliver(db, _producer, stop_event: asyncio.Event) -> None:
        await run_delivery_worker(db, alerts, settings.allow_private_networks, stop_event)

    await run_pipeline_service(
        name="alerts",
        settings=settings,
        stop=stop,
        health=health,
        projections=all_projections(),
        consume=[NEWS_STORIES],
        handler=StoryHandler(api_url=alerts.public_api_url, first_delay_s=alerts.retry_policy().first_delay()),
        extra_tasks=[deliver],
    )


def with_settings(alerts: AlertsSettings):
    """`main` with these alerts settings, for running in-process (tests, benchmarks)."""
    return partial(main, alerts=alerts)
