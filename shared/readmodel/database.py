"""What the command-line tools share: a database handle that applies every projection (for commands
that write), and a bare connection for those that only read (no projections, no event machinery
loaded, so a listing starts quickly)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

    from shared.unit_of_work import Database


@asynccontextmanager
async def open_database() -> AsyncIterator[Database]:
    from shared.db import create_engine
    from shared.readmodel.projections import all_projections
    from shared.settings import get_settings
    from shared.unit_of_work import Database

    db = Database(create_engine(get_settings(), pool_size=2), all_projections())
    try:
        yield db
    finally:
        await db.engine.dispose()


@asynccontextmanager
async def read_connection() -> AsyncIterator[AsyncConnection]:
    from shared.db import create_engine
    from shared.settings import get_settings

    engine = create_engine(get_settings(), pool_size=1)
    try:
        async with engine.connect() as conn:
            yield conn
    finally:
        await engine.dispose()
