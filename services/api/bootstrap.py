"""Runs the API under uvicorn."""

from __future__ import annotations

import uvicorn

from services.api.app import create_app
from shared.logs import configure_logging
from shared.settings import Settings


def run(settings: Settings) -> None:
    configure_logging(settings.log_level, settings.log_format, service="api")
    uvicorn.run(
        create_app(settings),
        host=settings.api_host,
        port=settings.api_port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=10,
    )
