"""Items per second of the dedupe service's handler against PostgreSQL, as the consumer runs it.

    python bench/dedupe_service_speed.py 5000

Creates a scratch database with the migrations, then hands N synthetic items
(bench/dedupe_items.py) as `news.item.ingested` events to the handler in
batches of 200, each batch one transaction with the log's lock, the index's
locks, the story events and their projections (what the consumer loop does
per batch, without Kafka). Prints items/s by tenth — flat when lookups stay
index reads — and drops the database.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bench.dedupe_items import generate  # noqa: E402
from services.dedupe.archive import item_from_json  # noqa: E402
from services.dedupe.fingerprint import DedupeConfig  # noqa: E402
from services.dedupe.handler import ItemHandler  # noqa: E402
from shared.events import Event  # noqa: E402
from shared.events.news import NewsItemIngested, item_stream  # noqa: E402
from shared.logs import configure_logging  # noqa: E402
from shared.migrate import upgrade  # noqa: E402
from shared.readmodel.projections import all_projections  # noqa: E402
from shared.unit_of_work import Database  # noqa: E402

URL = os.environ.get("SITREP_DATABASE_URL", "postgresql+asyncpg://sitrep:sitrep@127.0.0.1:5432/sitrep")
BATCH = 200


def as_event(record: dict) -> Event:
    item = item_from_json(record)
    payload = NewsItemIngested(
        source_id=item.source or "bench", source_url="http://127.0.0.1/bench.xml", source_kind="rss",
        item_key=item.id, url=item.url, title=item.title, text=item.text,
        published_at=item.published or datetime.now(UTC), fetched_at=datetime.now(UTC),
    )
    return Event.new(payload, stream_id=item_stream(payload.source_id, item.id), source="bench")


async def run(url: str, n: int) -> None:
    events = [as_event(r) for r in generate(n)]
    db = Database(create_async_engine(url), all_projections())
    handler = ItemHandler(DedupeConfig())
    rates, tenth = [], max(BATCH, n // 10)
    began_all = time.perf_counter()
    try:
        for start in range(0, n, tenth):
            began = time.perf_counter()
            chunk = events[start : start + tenth]
            for batch_start in range(0, len(chunk), BATCH):
                async with db.transaction() as uow:
                    await uow.lock()
                    for event in chunk[batch_start : batch_start + BATCH]:
                        await handler(uow, event)
            rates.append(len(chunk) / (time.perf_counter() - began))
    finally:
        await db.engine.dispose()
    total = n / (time.perf_counter() - began_all)
    print(f"{n:>8} items through the handler and PostgreSQL: {total:.0f} items/s; by tenth: "
          + " ".join(f"{r:.0f}" for r in rates))


async def _admin(sql: str) -> None:
    admin = create_async_engine(URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await admin.dispose()


def main() -> None:
    configure_logging(level="WARNING")  # one line per item would be timed too
    for size in [int(a) for a in sys.argv[1:]] or [5000]:
        name = f"sitrep_bench_service_{uuid.uuid4().hex[:8]}"
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
        url = URL.rsplit("/", 1)[0] + f"/{name}"
        try:
            upgrade(url)
            asyncio.run(run(url, size))
        finally:
            asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
