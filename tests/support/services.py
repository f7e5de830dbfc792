"""Run services in-process for end-to-end tests and wait for what they record."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from sqlalchemy.ext.asyncio import create_async_engine

from shared.observability.health import EmbeddedServer, Health
from shared.settings import Settings


@asynccontextmanager
async def running(settings: Settings, *mains: Callable[..., Awaitable[None]]) -> AsyncIterator[list[Health]]:
    """Start each service's `main` as a task; on exit, stop them as SIGTERM would and wait."""
    stop = asyncio.Event()
    healths = [Health() for _ in mains]
    tasks = [asyncio.create_task(main(settings, stop, health)) for main, health in zip(mains, healths, strict=True)]
    try:
        yield healths
        for task in tasks:
            if task.done() and task.exception():
                raise task.exception()
    finally:
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 30)


@asynccontextmanager
async def serving(*apps: tuple[Any, int], timeout: float = 10.0) -> AsyncIterator[None]:
    """Serve each (ASGI app, port) on 127.0.0.1, lifespan included, until the block ends."""
    servers = [
        EmbeddedServer(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False))
        for app, port in apps
    ]
    tasks = [asyncio.create_task(server.serve()) for server in servers]
    try:
        async with asyncio.timeout(timeout):
            while not all(server.started for server in servers):
                for task in tasks:
                    if task.done():
                        task.result()
                await asyncio.sleep(0.05)
        yield
    finally:
        for server in servers:
            server.should_exit = True
        await asyncio.gather(*tasks, return_exceptions=True)


async def wait_for(query: str, predicate: Callable[[list[Any]], bool], database_url: str, timeout: float = 30.0, **params: Any) -> list[Any]:
    """Poll a SQL query until `predicate(rows)` holds; fail with the last rows after `timeout`."""
    from sqlalchemy import text

    engine = create_async_engine(database_url, pool_size=1)
    deadline = time.monotonic() + timeout
    rows: list[Any] = []
    try:
        while time.monotonic() < deadline:
            async with engine.connect() as conn:
                rows = (await conn.execute(text(query), params)).all()
            if predicate(rows):
                return rows
            await asyncio.sleep(0.2)
    finally:
        await engine.dispose()
    raise AssertionError(f"timed out after {timeout}s waiting on {query!r}; last rows: {rows!r}")
