"""Throughput of the ingest scheduler: fetch, parse, normalise and record, against local feed servers.

    python bench/ingest_service.py [--feeds 200] [--items 50] [--hosts 10] [--concurrency 20] [--per-host 2]

Serves `--feeds` RSS documents of `--items` entries each from `--hosts` servers on 127.0.0.x, registers
them in a throw-away database (migrated here, dropped at the end) and runs the scheduler until every
source has been checked, four times:

1. cold: every entry is new and recorded as `news.item.ingested` (one transaction per fetch);
2. changed: each document changed (its build date), every entry already in the log;
3. unchanged: the same bytes again, without validators (not parsed again), now with an ETag;
4. not modified: every source answers 304.

The baseline is the same documents through `process_document` alone (parse and normalise, no
network, no database), one after another in this process, run first. The Kafka relay is not part
of either.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from sqlalchemy import func, select, update  # noqa: E402

from services.ingest.bootstrap import make_fetcher  # noqa: E402
from services.ingest.check import process_document  # noqa: E402
from services.ingest.item import Source  # noqa: E402
from services.ingest.loop import Scheduler  # noqa: E402
from shared.db import create_engine  # noqa: E402
from shared.events.feeds import FeedSettings  # noqa: E402
from shared.logs import configure_logging  # noqa: E402
from shared.migrate import upgrade  # noqa: E402
from shared.readmodel.feeds.commands import register_feed  # noqa: E402
from shared.readmodel.feeds.tables import feed_fetch_state  # noqa: E402
from shared.readmodel.projections import all_projections  # noqa: E402
from shared.settings import Settings  # noqa: E402
from shared.unit_of_work import Database  # noqa: E402
from tools.feed_server import FeedServer, Response, conditional  # noqa: E402

ADMIN_DSN = os.environ.get("SITREP_TEST_ADMIN_DSN", "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep")
PARAGRAPH = (
    "Officials said the shelling continued through the night along the line of contact, and that "
    "civilian infrastructure in several villages had been damaged. Both sides accused each other of "
    "breaking the ceasefire agreed on Saturday, while international mediators called for restraint. "
)


def document(feed: int, items: int, now: datetime, built: datetime | None = None) -> bytes:
    entries = "".join(
        f"<item><title>Feed {feed} report {n}: fighting near the line</title>"
        f"<link>https://news{feed}.example/articles/{n}?utm_source=rss</link>"
        f'<guid isPermaLink="false">feed{feed}-item{n}</guid>'
        f"<pubDate>{format_datetime(now - timedelta(minutes=7 * n))}</pubDate>"
        f"<description><![CDATA[<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>]]></description></item>"
        for n in range(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {feed}</title>'
            f"<link>https://news{feed}.example/</link><lastBuildDate>{format_datetime(built or now)}</lastBuildDate>"
            f"{entries}</channel></rss>").encode()


async def admin(sql: str) -> None:
    conn = await asyncpg.connect(ADMIN_DSN)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def until_all_checked(db: Database, scheduler: Scheduler, feeds: int, since: datetime) -> float:
    stop = asyncio.Event()
    started = time.perf_counter()
    task = asyncio.create_task(scheduler.run(stop))
    state = feed_fetch_state.c
    checked = select(func.count()).where(state.last_fetched_at >= since, state.lease_id.is_(None))
    while True:
        async with db.engine.connect() as conn:
            if (await conn.execute(checked)).scalar_one() >= feeds:
                break
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - started
    stop.set()
    await task
    return elapsed


async def make_due(db: Database) -> datetime:
    now = datetime.now(UTC)
    async with db.engine.begin() as conn:
        await conn.execute(update(feed_fetch_state).values(next_check_at=now))
    return now


def baseline(docs: list[tuple[str, bytes]], now: datetime) -> tuple[int, float]:
    started, items = time.perf_counter(), 0
    for url, body in docs:
        items += len(process_document(Source(id=url, url=url), body, {"content-type": "application/rss+xml"}, now)[1])
    return items, time.perf_counter() - started


async def run(args: argparse.Namespace) -> None:
    configure_logging(os.environ.get("BENCH_LOG", "WARNING"))
    name = f"sitrep_bench_{uuid.uuid4().hex[:10]}"
    url = ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + "/" + name
    await admin(f'CREATE DATABASE "{name}"')
    servers = [FeedServer(host=f"127.0.0.{n + 1}").start() for n in range(args.hosts)]
    try:
        await asyncio.to_thread(upgrade, url)
        settings = Settings(
            database_url=url, allow_private_networks=True, ingest_tick_seconds=0.05,
            ingest_concurrency=args.concurrency, ingest_per_host=args.per_host, database_pool_size=10,
        )
        db = Database(create_engine(settings), all_projections())
        now = datetime.now(UTC)
        served = []
        for feed in range(args.feeds):
            server, path, body = servers[feed % args.hosts], f"/feed{feed}.xml", document(feed, args.items, now)
            server.route(path, Response(200, {"Content-Type": "application/rss+xml"}, body))
            served.append((server, path, body))
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(url=server.url(path), min_interval_s=3600, max_interval_s=3600))
        total = args.feeds * args.items
        wire = sum(len(body) for _, _, body in served)
        print(f"{args.feeds} feeds x {args.items} items ({wire / 1e6:.1f} MB) on {args.hosts} hosts; "
              f"{args.concurrency} checks at once, {args.per_host} per host")

        # First the baseline, which also loads what parsing needs once per process (date and
        # language data), so that neither side pays for it.
        items, seconds = await asyncio.to_thread(baseline, [(s.url(p), b) for s, p, b in served], now)
        print(f"{'baseline, parse+normalise:':27}{seconds:6.2f} s  {items / seconds:8.0f} items/s  (in turn, no I/O)")
        async with make_fetcher(settings) as fetcher:
            scheduler = Scheduler(db, fetcher, settings)
            cold = await until_all_checked(db, scheduler, args.feeds, await make_due(db))
            async with db.engine.connect() as conn:
                recorded = (await conn.execute(select(func.count()).select_from(feed_fetch_state)
                                               .where(feed_fetch_state.c.items_seen == args.items))).scalar_one()
            assert recorded == args.feeds, f"only {recorded} feeds recorded all their items"
            print(f"{'cold, every entry new:':27}{cold:6.2f} s  {total / cold:8.0f} items/s  "
                  f"{args.feeds / cold:6.1f} feeds/s")
            later = now + timedelta(minutes=5)
            for feed, (server, path, _) in enumerate(served):
                server.route(path, Response(200, {}, document(feed, args.items, now, built=later)))
            changed = await until_all_checked(db, scheduler, args.feeds, await make_due(db))
            for feed, (server, path, _) in enumerate(served):
                server.route(path, conditional(document(feed, args.items, now, built=later), etag='"v2"'))
            unchanged = await until_all_checked(db, scheduler, args.feeds, await make_due(db))
            not_modified = await until_all_checked(db, scheduler, args.feeds, await make_due(db))
        print(f"{'changed, every entry seen:':27}{changed:6.2f} s  {total / changed:8.0f} items/s  "
              f"{args.feeds / changed:6.1f} feeds/s")
        for label, seconds in (("unchanged, not parsed:", unchanged), ("not modified (304):", not_modified)):
            print(f"{label:27}{seconds:6.2f} s  {'':>14}  {args.feeds / seconds:6.1f} feeds/s")
        await db.engine.dispose()
    finally:
        for server in servers:
            server.stop()
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--per-host", type=int, default=2)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
