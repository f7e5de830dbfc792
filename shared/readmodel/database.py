"""What the command-line tools share: a database handle with every projection."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from shared.db import create_engine
from shared.readmodel.projections import all_projections
from shared.settings import get_settings
from shared.unit_of_work import Database


@asynccontextmanager
async def open_database() -> AsyncIterator[Database]:
    db = Database(create_engine(get_settings(), pool_size=2), all_projections())
    try:
        yield db
    finally:
        await db.engine.dispose()
