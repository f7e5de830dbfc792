"""Items per second through the PostgreSQL story index, one transaction per item.

    SITREP_DATABASE_URL=postgresql+asyncpg://sitrep:sitrep@127.0.0.1:5432/sitrep \\
        python bench/dedupe_pg_speed.py 20000

Creates a scratch database, files N synthetic items (bench/dedupe_items.py)
as the service would (lock, look up, decide, add, commit), prints the rate
of each tenth of the run — flat when lookups stay index reads — and drops
the database.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bench.dedupe_items import generate  # noqa: E402
from services.dedupe.archive import item_from_json  # noqa: E402
from services.dedupe.assign import assign_story  # noqa: E402
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter  # noqa: E402
from services.dedupe.index.postgres import PgStoryIndex, create_tables  # noqa: E402

URL = os.environ.get("SITREP_DATABASE_URL", "postgresql+asyncpg://sitrep:sitrep@127.0.0.1:5432/sitrep")


async def run(n: int) -> None:
    admin = create_async_engine(URL, isolation_level="AUTOCOMMIT")
    name = f"sitrep_bench_dedupe_{uuid.uuid4().hex[:8]}"
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_async_engine(URL.rsplit("/", 1)[0] + f"/{name}")
    try:
        async with engine.begin() as conn:
            await create_tables(conn)
        config = DedupeConfig()
        fingerprint = Fingerprinter(config)
        items = [item_from_json(i) for i in generate(n)]
        rates, tenth = [], max(1, n // 10)
        async with engine.connect() as conn:
            index = PgStoryIndex(conn)
            for start in range(0, n, tenth):
                began = time.perf_counter()
                for item in items[start : start + tenth]:
                    async with conn.begin():
                        await assign_story(index, fingerprint(item, item.published), config, lambda: item.id)
                rates.append(len(items[start : start + tenth]) / (time.perf_counter() - began))
        print(f"{n:>8} items through PostgreSQL, items/s by tenth: " + " ".join(f"{r:.0f}" for r in rates))
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [5000]:
        asyncio.run(run(size))
