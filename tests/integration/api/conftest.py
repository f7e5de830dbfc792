"""An API app per test over its own migrated database, with keys of both scopes.

`client` talks to the app in-process (httpx + ASGI); `server` runs it under a real uvicorn on
127.0.0.1 for what needs a streamed response (Server-Sent Events).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI

from services.api.keys import create_key
from services.api.settings import ApiSettings
from shared.unit_of_work import Database
from tests.support.api_app import asgi_client, running_app, serve


@dataclass
class Keys:
    admin: str
    read: str
    read_id: str

    def headers(self, scope: str = "read") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin if scope == 'admin' else self.read}"}


@pytest.fixture
def api_settings() -> ApiSettings:
    return ApiSettings(rate_limit_per_second=1000, rate_limit_burst=1000, sse_heartbeat_seconds=0.5)


@pytest.fixture
async def app(database_url: str, api_settings: ApiSettings) -> AsyncIterator[FastAPI]:
    async with running_app(database_url, api_settings) as app:
        yield app


@pytest.fixture
def db(app: FastAPI) -> Database:
    return app.state.db


@pytest.fixture
async def keys(db: Database) -> Keys:
    async with db.engine.begin() as conn:
        _, admin = await create_key(conn, "test admin", "admin")
        read_key, read = await create_key(conn, "test reader", "read")
    return Keys(admin=admin, read=read, read_id=read_key.key_id)


@pytest.fixture
async def client(app: FastAPI, keys: Keys) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app, keys.headers("read")) as c:
        yield c


@pytest.fixture
async def server(app: FastAPI) -> AsyncIterator[str]:
    """The app (already started) served by uvicorn on 127.0.0.1; yields its base URL."""
    instance, task, base_url = await serve(app)
    yield base_url
    instance.should_exit = True
    instance.force_exit = True
    await asyncio.wait_for(task, 10)
