"""An API app per test over its own migrated database, with keys of both scopes.

`client` talks to the app in-process (httpx + ASGI); `server` runs it under a real uvicorn on
127.0.0.1 for what needs a streamed response (Server-Sent Events).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from services.api.app import create_app
from services.api.keys import create_key
from services.api.settings import ApiSettings
from shared.settings import Settings
from shared.unit_of_work import Database


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


@asynccontextmanager
async def running_app(database_url: str, api_settings: ApiSettings) -> AsyncIterator[FastAPI]:
    """The app with its lifespan entered (database engine, live-stream listener)."""
    app = create_app(Settings(database_url=database_url, database_pool_size=5), api_settings)
    async with app.router.lifespan_context(app):
        yield app


def asgi_client(app: FastAPI, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://api.test", headers=headers)


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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def server(app: FastAPI) -> AsyncIterator[str]:
    """The app (already started) served by uvicorn on 127.0.0.1; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_config=None, access_log=False)
    instance = uvicorn.Server(config)
    instance.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(instance.serve())
    while not instance.started:
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    instance.force_exit = True
    await asyncio.wait_for(task, 10)
