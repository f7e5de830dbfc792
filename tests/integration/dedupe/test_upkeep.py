"""The index tables as the migrations make them, and the service's upkeep: entries live for the
retention after they are filed, whatever the age of their item, and the gauges say how many."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import inspect, text

from services.dedupe.fingerprint import DedupeConfig
from services.dedupe.handler import ItemHandler
from services.dedupe.index.tables import INDEX_TABLES
from services.dedupe.upkeep import upkeep_once
from tests.support.dedupe import ingested
from tools.webhook_fixtures import database

pytestmark = pytest.mark.integration

TEXT = ("The ministry said the drones were destroyed near the Fuzuli and Jabrayil districts and that "
        "no positions were hit during the night, according to a statement released on Monday.")


async def test_the_migrations_create_the_index_tables_as_the_code_declares_them(database_url):
    declared_names = [table.name for table in INDEX_TABLES]
    async with database(database_url) as db, db.engine.connect() as conn:
        def schema(sync_conn):
            found = inspect(sync_conn)
            return {name: ({c["name"] for c in found.get_columns(name)},
                           {i["name"] for i in found.get_indexes(name) if "duplicates_constraint" not in i}) for name in declared_names}
        actual = await conn.run_sync(schema)
    declared = {table.name: ({c.name for c in table.columns}, {i.name for i in table.indexes})
                for table in INDEX_TABLES}
    assert actual == declared


async def test_entries_live_for_the_retention_after_they_are_filed(database_url):
    handler = ItemHandler(DedupeConfig())
    old_article = ingested("feed-a", "a-1", TEXT)  # published in 2020: old, but filed now
    async with database(database_url) as db:
        async with db.transaction() as uow:
            await handler(uow, old_article)
        assert await upkeep_once(db, timedelta(days=7)) == 0
        assert REGISTRY.get_sample_value("sitrep_dedupe_index_entries") == 1
        assert REGISTRY.get_sample_value("sitrep_dedupe_index_stories") == 1

        async with db.engine.begin() as conn:
            await conn.execute(text("UPDATE dedupe_entry SET filed_at = filed_at - interval '8 days'"))
            await conn.execute(text("UPDATE dedupe_exact SET filed_at = filed_at - interval '8 days'"))
        assert await upkeep_once(db, timedelta(days=7)) == 1
        assert REGISTRY.get_sample_value("sitrep_dedupe_index_entries") == 0
        async with db.engine.connect() as conn:
            kept = (await conn.execute(text("SELECT kind FROM dedupe_exact"))).scalars().all()
        assert kept == ["item"], "the item key stays: the same entry again is still a repeat"
