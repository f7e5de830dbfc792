"""A throw-away PostgreSQL database for the dedupe index tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from services.dedupe.index.postgres import create_tables

DEFAULT_URL = "postgresql+asyncpg://sitrep:sitrep@127.0.0.1:5432/sitrep"


@pytest.fixture(scope="session")
async def pg_engine() -> AsyncIterator[AsyncEngine]:
    base_url = os.environ.get("SITREP_DATABASE_URL", DEFAULT_URL)
    admin = create_async_engine(base_url, isolation_level="AUTOCOMMIT")
    name = f"sitrep_test_dedupe_{uuid.uuid4().hex[:8]}"
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    except (OSError, OperationalError, DBAPIError) as error:
        await admin.dispose()
        pytest.fail(f"PostgreSQL unreachable at {base_url} ({error.__class__.__name__}: {error}); "
                    "start the local stack with `make stack` or set SITREP_DATABASE_URL")
    engine = create_async_engine(base_url.rsplit("/", 1)[0] + f"/{name}", pool_size=12)
    async with engine.begin() as conn:
        await create_tables(conn)
    try:
        yield engine
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@pytest.fixture
async def clean_engine(pg_engine: AsyncEngine) -> AsyncEngine:
    async with pg_engine.begin() as conn:
        await conn.execute(text(
            "TRUNCATE dedupe_band, dedupe_entry, dedupe_exact, dedupe_story_fact, dedupe_host, dedupe_host_line, "
            "dedupe_incident, dedupe_incident_key, dedupe_incident_story, dedupe_incident_df, dedupe_incident_day "
            "RESTART IDENTITY CASCADE"
        ))
    return pg_engine
