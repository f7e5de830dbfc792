"""A Database on the test's own database, with a pool big enough for many writers at once."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from shared.projections import Projections
from shared.unit_of_work import Database


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(create_async_engine(database_url, pool_size=30, max_overflow=0), Projections())
    yield database
    await database.engine.dispose()
