"""Request dependencies: what the app holds for the whole process, and one read connection per request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.settings import ApiSettings
from shared.settings import Settings
from shared.unit_of_work import Database
from shared.webhooks.settings import WebhookSettings


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_api_settings(request: Request) -> ApiSettings:
    return request.app.state.api_settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_webhook_settings(request: Request) -> WebhookSettings:
    """Webhook timeouts and the default secret overlap, for the subscription commands."""
    return request.app.state.webhook_settings


async def read_connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """Shared by the key lookup and the endpoint; autocommit spares a BEGIN and a ROLLBACK per request.

    Released when the endpoint returns, before the response is sent (a live stream keeps none).
    """
    async with request.app.state.db.engine.connect() as conn:
        yield await conn.execution_options(isolation_level="AUTOCOMMIT")


ReadConnection = Annotated[AsyncConnection, Depends(read_connection, scope="function")]
