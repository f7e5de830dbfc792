"""Run services in-process for end-to-end tests and wait for what they record."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import create_async_engine

from shared.observability.health import Health
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
