"""The API app for tests: started with its lifespan, reached in-process over ASGI."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import uvicorn
from fastapi import FastAPI

from services.api.app import create_app
from services.api.settings import ApiSettings
from shared.settings import Settings
from tools.processes import free_port


@asynccontextmanager
async def running_app(database_url: str, api_settings: ApiSettings) -> AsyncIterator[FastAPI]:
    """The app with its lifespan entered (database engine, live-stream listener)."""
    app = create_app(Settings(database_url=database_url, database_pool_size=5), api_settings)
    async with app.router.lifespan_context(app):
        yield app


def asgi_client(app: FastAPI, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://api.test", headers=headers)


async def serve(app: FastAPI) -> tuple[uvicorn.Server, asyncio.Task, str]:
    """Serves an already started app on a free port of 127.0.0.1; returns once it listens."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_config=None, access_log=False)
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    return server, task, f"http://127.0.0.1:{port}"


class ApiInThread:
    """The API under a real uvicorn on 127.0.0.1, in a thread with its own event loop.

    For synchronous clients (schemathesis, benchmarks): `start()` returns the base URL once the
    server answers; `stop()` shuts it down. `prepare(app)` runs in the server's loop before it starts.
    """

    def __init__(self, database_url: str, api_settings: ApiSettings, prepare=None) -> None:
        self.database_url = database_url
        self.api_settings = api_settings
        self.prepare = prepare
        self.base_url = ""
        self._ready = threading.Event()
        self._server: uvicorn.Server | None = None
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()), daemon=True)
        self._error: BaseException | None = None

    async def _serve(self) -> None:
        try:
            async with running_app(self.database_url, self.api_settings) as app:
                if self.prepare is not None:
                    await self.prepare(app)
                self._server, serving, self.base_url = await serve(app)
                self._ready.set()
                await serving
        except BaseException as exc:  # noqa: BLE001 — handed to the starting thread
            self._error = exc
            self._ready.set()

    def start(self) -> str:
        self._thread.start()
        self._ready.wait(30)
        if self._error is not None:
            raise self._error
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        self._thread.join(30)
