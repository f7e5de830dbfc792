"""The HTTP API (FastAPI): the event log, projections, and commands on feeds and subscriptions.

Routers are listed in `services/api/routes.py`; this module only wires the process: the database,
the live-stream listener, the rate limiter, limits, metrics and error answers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from services.api import openapi, problems
from services.api.limits import BodySizeLimit
from services.api.metrics import RequestMetrics
from services.api.ratelimit import RateLimiter
from services.api.routes import ROUTERS
from services.api.settings import ApiSettings
from services.api.situation.rendering import STATIC
from shared.db import create_engine
from shared.readmodel.projections import all_projections
from shared.settings import Settings
from shared.unit_of_work import Database
from shared.webhooks.settings import WebhookSettings


def create_app(settings: Settings, api_settings: ApiSettings | None = None) -> FastAPI:
    api_settings = api_settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(create_engine(settings), all_projections())
        app.state.db = db
        app.state.notifier = db.notifier
        try:
            yield
        finally:
            await db.close()

    app = FastAPI(title="sitrep", version="0.1.0", lifespan=lifespan)
    app.state.api_settings = api_settings
    app.state.settings = settings
    app.state.webhook_settings = WebhookSettings()
    app.state.rate_limiter = RateLimiter(api_settings.rate_limit_per_second, api_settings.rate_limit_burst)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    problems.install(app)
    openapi.install(app)
    app.add_middleware(BodySizeLimit, max_bytes=api_settings.max_body_bytes)
    app.add_middleware(RequestMetrics)
    return app
