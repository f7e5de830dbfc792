"""Every router of the API. A new resource is one more line here."""

from __future__ import annotations

from fastapi import APIRouter

from services.api import health
from services.api.claims.endpoints import router as claims
from services.api.deliveries.endpoints import router as deliveries
from services.api.events.endpoints import router as events
from services.api.feeds.endpoints import router as feeds
from services.api.incidents.endpoints import router as incidents
from services.api.situation.endpoints import router as situation
from services.api.situation.live import router as situation_live
from services.api.situation.session import router as situation_session
from services.api.stories.endpoints import router as stories
from services.api.subscriptions.endpoints import router as subscriptions
from services.api.tallies.endpoints import router as tallies

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    events,
    stories,
    incidents,
    feeds,
    claims,
    tallies,
    subscriptions,
    deliveries,
    situation,
    situation_live,
    situation_session,
)
