"""Event store: events appended per second through our store vs raw asyncpg into the same table.

Ours is `UnitOfWork.record` in transactions of 1, 10 and 100 events, the way the services write:
one stream per event (items, stories), each `record` taking the log's lock (shared), reading the
stream's head, inserting with RETURNING and notifying listeners; for 10 and 100 also one
`record` of the whole batch into one stream, and the set-based appends that write every stream
of the transaction in one statement: `record_streams` (one stream per event, any version) and
`start_streams` (each event the first of its stream, as ingest records items). Baselines, on one plain
asyncpg connection: `executemany` of the same rows with the same number per transaction (what
our bookkeeping costs), and `copy_records_to_table` in transactions of 10,000 rows, the physical
limit of this PostgreSQL. Same table, indexes and triggers; about 1 KB of JSON per event;
`synchronous_commit` as the server has it. A last figure runs 4 writers at once (they run side by
side: the log's lock is shared), and one shows the cost of a round trip through SQLAlchemy
against plain asyncpg. Each measurement runs for a fixed
time (1 s quick, 10 s full), the median of `--repeat` runs is reported.

    .venv/bin/python -m bench.event_store [--quick | --full] [--repeat N]
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Sequence

import asyncpg
import orjson
from sqlalchemy import text

from bench.common import (
    Results,
    Sample,
    arguments,
    main,
    median_sample,
    run_for,
    sized,
    sqlalchemy_url,
    temp_database,
    unique_prefix,
)
from bench.support.samples import item_events
from shared.db import create_engine
from shared.events import Event
from shared.eventstore import StreamAppend
from shared.projections import Projections
from shared.settings import Settings
from shared.unit_of_work import Database

BENCH, STAGE = "event_store", "Event store"
COLUMNS = ("id", "stream_id", "stream_version", "type", "version", "source", "subject", "time",
           "correlation_id", "causation_id", "data")
INSERT = f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join(f'${n}' for n in range(1, 12))})"
COPY_CHUNK = 10_000
WRITERS = 4
ROUND_TRIP = text("SELECT 1")


def rows(events: Sequence[Event]) -> list[tuple]:
    return [
        (e.id, e.stream_id, 1, e.type, e.version, e.source, e.subject, e.time, e.correlation_id,
         e.causation_id, orjson.dumps(e.data).decode())
        for e in events
    ]


def chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i:i + size] for i in range(0, len(items), size)]


SHAPES = {
    "one stream per event": "UnitOfWork.record",
    "one stream per batch": "UnitOfWork.record",
    "one stream per event, one statement": "UnitOfWork.record_streams",
    "new streams, one statement": "UnitOfWork.start_streams",
}


async def ours(db: Database, events: Sequence[Event], per_tx: int, shape: str) -> int:
    for batch in chunks(events, per_tx):
        async with db.transaction() as uow:
            if shape == "one stream per batch":
                await uow.record(batch[0].stream_id, batch)
            elif shape == "one stream per event, one statement":
                await uow.record_streams([StreamAppend(event.stream_id, [event]) for event in batch])
            elif shape == "new streams, one statement":
                await uow.start_streams(batch)
            else:
                for event in batch:
                    await uow.record(event.stream_id, [event])
    return len(events)


async def executemany(conn: asyncpg.Connection, events: Sequence[Event], per_tx: int) -> int:
    for batch in chunks(events, per_tx):
        async with conn.transaction():
            await conn.executemany(INSERT, rows(batch))
    return len(events)


async def copy(conn: asyncpg.Connection, events: Sequence[Event]) -> int:
    for batch in chunks(events, COPY_CHUNK):
        async with conn.transaction():
            await conn.copy_records_to_table("events", records=rows(batch), columns=COLUMNS)
    return len(events)


async def sqlalchemy_round_trip(db: Database, count: int = 50) -> int:
    async with db.engine.connect() as conn:
        for _ in range(count):
            await conn.execute(ROUND_TRIP)
    return count


async def asyncpg_round_trip(conn: asyncpg.Connection, count: int = 50) -> int:
    for _ in range(count):
        await conn.fetchval("SELECT 1")
    return count


async def concurrently(work, events: Sequence[Event], writers: int) -> int:
    share = -(-len(events) // writers)
    await asyncio.gather(*(work(events[i * share:(i + 1) * share]) for i in range(writers)))
    return len(events)


async def run(args: argparse.Namespace, results: Results) -> None:
    budget = sized(args, 1.0, 10.0)

    def measure(per_round: int, work) -> Awaitable[tuple[Sample, list[Sample]]]:
        """Median of `--repeat` runs of `budget` seconds; fresh events (new ids) every round."""
        return median_sample(args.repeat, lambda: run_for(budget, lambda: item_events(per_round), work))

    async with temp_database(unique_prefix(BENCH)) as dsn:
        db = Database(create_engine(Settings(database_url=sqlalchemy_url(dsn)), pool_size=WRITERS), Projections())
        raw = await asyncpg.create_pool(dsn, min_size=WRITERS, max_size=WRITERS)
        try:
            async with raw.acquire() as conn:
                server = await conn.fetchval("SHOW server_version")
                sync_commit = await conn.fetchval("SHOW synchronous_commit")
                for shape in SHAPES:  # warm the pool and the statement caches
                    await ours(db, item_events(50), 10, shape)
                await executemany(conn, item_events(50), 10)
                limit, limit_runs = await measure(COPY_CHUNK, lambda ev: copy(conn, ev))
                for per_tx in (1, 10, 100):
                    same, same_runs = await measure(per_tx, lambda ev: executemany(conn, ev, per_tx))
                    for shape in ["one stream per event"] if per_tx == 1 else SHAPES:
                        mine, mine_runs = await measure(per_tx, lambda ev: ours(db, ev, per_tx, shape))
                        results.compare(
                            f"append, {per_tx} event{'s' if per_tx > 1 else ''}/transaction ({shape})", "events/s",
                            mine.rate,
                            [(f"asyncpg executemany, {per_tx}/transaction", same.rate),
                             (f"asyncpg COPY, {COPY_CHUNK:,}/transaction", limit.rate)],
                            ours_label=SHAPES[shape],
                            detail={"ours_runs": [round(s.rate) for s in mine_runs],
                                    "executemany_runs": [round(s.rate) for s in same_runs],
                                    "copy_runs": [round(s.rate) for s in limit_runs],
                                    "ours_cpu_us_per_event": round(mine.cpu_per_item_us, 1)})

            mine, _ = await median_sample(args.repeat, lambda: run_for(budget, lambda: None, lambda _: sqlalchemy_round_trip(db)))
            async with raw.acquire() as conn:
                same, _ = await median_sample(args.repeat, lambda: run_for(budget, lambda: None, lambda _: asyncpg_round_trip(conn)))
            results.compare("one round trip (SELECT 1), time", "µs", 1e6 / mine.rate, [("asyncpg fetchval", 1e6 / same.rate)],
                            ours_label="SQLAlchemy AsyncConnection.execute", higher_is_better=False)

            async def ours_writer(share: Sequence[Event]) -> int:
                return await ours(db, share, 10, "one stream per event")

            async def raw_writer(share: Sequence[Event]) -> int:
                async with raw.acquire() as conn:
                    return await executemany(conn, share, 10)

            mine, _ = await measure(WRITERS * 10, lambda ev: concurrently(ours_writer, ev, WRITERS))
            same, _ = await measure(WRITERS * 10, lambda ev: concurrently(raw_writer, ev, WRITERS))
            results.compare(f"append, {WRITERS} writers at once, 10 events/transaction", "events/s", mine.rate,
                            [(f"asyncpg executemany, {WRITERS} connections, 10/transaction", same.rate)],
                            ours_label="UnitOfWork.record")
            results.note(postgresql=server, synchronous_commit=sync_commit, payload="~1 KB JSON per event",
                         seconds_per_measurement=budget, repeat=args.repeat)
        finally:
            await raw.close()
            await db.engine.dispose()


if __name__ == "__main__":
    raise SystemExit(main(BENCH, STAGE, run, arguments(__doc__.split("\n\n")[0]).parse_args()))
