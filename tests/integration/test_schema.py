"""The schema the migrations build is the schema the code declares: an empty database migrated to
head is compared with `shared.schema.metadata` (every table module loaded)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from shared.migrations.tables import target_metadata

pytestmark = pytest.mark.integration


def _differences(connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": False})
    return compare_metadata(context, target_metadata())


async def test_migrated_database_matches_the_declared_tables(database_url: str) -> None:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            differences = await conn.run_sync(_differences)
    finally:
        await engine.dispose()
    assert differences == [], "\n".join(map(str, differences))
