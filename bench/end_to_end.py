"""End to end: items through ingest → dedupe → claims → webhook, with the services as processes.

    .venv/bin/python -m bench.end_to_end [--quick|--full] [--trickle N] [--burst N] [--rate R]

Runs `sitrep run ingest|dedupe|alerts` as three processes on a database and topics of their own,
against local feeds whose every item carries a new casualty claim and a local webhook receiver
subscribed to every claim. After a warm-up it measures:

1. latency: items released one at a time at `--rate` per second; from the moment the feed
   server first serves an item to the moment its webhook arrives (how long ingest waits between
   two checks of a feed is not counted), p50/p95/p99;
2. throughput: `--burst` items released at once; items per second from the first serve to the
   last webhook, and the CPU each service spent per item;
3. memory: each service's peak RSS (VmHWM) over the whole run.

The baseline, in the same run: a bare aiokafka produce → consume on a topic of its own, one
message at a time at the same rate (round trip), a burst of the same size, and that process's
peak RSS. The pipeline crosses Kafka twice and PostgreSQL several times, so it cannot match
one hop; the ratios say by how much it falls short.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.common import (
    KAFKA,
    Results,
    arguments,
    main,
    percentile,
    run_process,
    sized,
    sqlalchemy_url,
    temp_database,
    temp_topics,
    unique_prefix,
)
from bench.support.claim_feeds import ClaimFeeds, Receiver
from bench.support.service_processes import Services, cpu_seconds, peak_rss_mib
from shared.events.feeds import FeedSettings
from shared.kafka.topics import NEWS_ITEMS, NEWS_STORIES
from shared.readmodel.feeds.commands import register_feed
from tools.feed_server import FeedServer
from tools.webhook_fixtures import database, subscribe

SERVICES = ["ingest", "dedupe", "alerts"]
FEEDS = 4
WARM_UP = 4
BASELINE = "bare aiokafka produce → consume"


async def delivered(receiver: Receiver, numbers: range, services: Services, timeout: float) -> None:
    """Wait until every item in `numbers` has reached the receiver; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while receiver.count(numbers) < len(numbers):
        services.check_alive()
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {receiver.count(numbers)} of {len(numbers)} items reached the receiver "
                               f"in {timeout:.0f}s")
        await asyncio.sleep(0.05)


async def baseline(topic: str, trickle: int, rate: float, burst: int) -> dict:
    """The bare round trip in a child process: its figures and its own peak RSS."""
    cmd = [sys.executable, "-m", "bench.support.kafka_roundtrip", topic,
           "--trickle", str(trickle), "--rate", str(rate), "--burst", str(burst)]
    run = await asyncio.to_thread(run_process, cmd, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"the baseline stopped with {run.returncode}: {run.stderr[-2000:]}")
    return json.loads(run.stdout)


async def prepare(dsn: str, feeds: ClaimFeeds, receiver: Receiver) -> None:
    """One subscription to every claim, and the feeds, checked every second."""
    async with database(sqlalchemy_url(dsn)) as db:
        await subscribe(db, receiver.url())
        for url in feeds.urls():
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(url=url, owner="Front news", min_interval_s=1, max_interval_s=1))


def service_env(dsn: str, prefix: str) -> dict[str, str]:
    return {
        "SITREP_DATABASE_URL": sqlalchemy_url(dsn),
        "SITREP_KAFKA_BOOTSTRAP": KAFKA,
        "SITREP_TOPIC_PREFIX": f"{prefix}.",
        "SITREP_ALLOW_PRIVATE_NETWORKS": "true",
        "SITREP_INGEST_TICK_SECONDS": "0.2",
        "SITREP_LOG_FORMAT": "json",
    }


async def pipeline(services: Services, feeds: ClaimFeeds, receiver: Receiver, args) -> dict:
    """Warm up, then the latency run, then the burst; the figures of each."""
    await services.ready()
    warm = range(WARM_UP)
    feeds.release(warm)
    await delivered(receiver, warm, services, timeout=180)

    trickle = range(warm.stop, warm.stop + args.trickle)
    for n in trickle:
        feeds.release([n])
        services.check_alive()
        await asyncio.sleep(1 / args.rate)
    await delivered(receiver, trickle, services, timeout=120)
    latencies = [receiver.received[n] - feeds.first_served[n] for n in trickle]

    burst = range(trickle.stop, trickle.stop + args.burst)
    cpu_before = {s.name: cpu_seconds(s) for s in services.running}
    feeds.release(burst)
    await delivered(receiver, burst, services, timeout=max(120, args.burst))
    seconds = max(receiver.received[n] for n in burst) - min(feeds.first_served[n] for n in burst)
    cpu = {s.name: cpu_seconds(s) - cpu_before[s.name] for s in services.running}
    return {"latencies_s": latencies, "burst_seconds": seconds, "cpu_s": cpu,
            "rss_mib": {s.name: peak_rss_mib(s) for s in services.running}, "webhooks": receiver.webhooks}


async def run(args, results: Results) -> None:
    args.trickle = args.trickle or sized(args, 40, 200)
    args.burst = args.burst or sized(args, 200, 1000)
    prefix = unique_prefix("e2e")
    async with temp_database(prefix) as dsn, \
            temp_topics(prefix, [NEWS_ITEMS, NEWS_STORIES, "roundtrip"], 6) as topics:
        bare = await baseline(topics["roundtrip"], args.trickle, args.rate, args.burst)
        with FeedServer() as feed_server, FeedServer() as hook_server, tempfile.TemporaryDirectory() as logs:
            feeds = ClaimFeeds(feed_server, FEEDS, window=max(100, args.burst // FEEDS + 10))
            receiver = Receiver(hook_server)
            await prepare(dsn, feeds, receiver)
            with Services(SERVICES, service_env(dsn, prefix), Path(logs)) as services:
                ours = await pipeline(services, feeds, receiver, args)
    record(results, args, ours, bare)


def record(results: Results, args, ours: dict, bare: dict) -> None:
    burst = f"burst of {args.burst}"
    results.compare(f"items through ingest → dedupe → claims → webhook, {burst}", "items/s",
                    args.burst / ours["burst_seconds"],
                    [(f"{BASELINE}, {burst}", args.burst / bare["burst_seconds"])])
    for p in (0.50, 0.95, 0.99):
        results.compare(f"latency p{p * 100:.0f}, feed served → webhook received, {args.rate:g} items/s", "ms",
                        percentile(ours["latencies_s"], p) * 1000,
                        [(f"{BASELINE} round trip", percentile(bare["latencies_s"], p) * 1000)],
                        higher_is_better=False)
    for name, cpu in ours["cpu_s"].items():
        results.measure(f"CPU per item in the burst, {name}", "ms", cpu / args.burst * 1000, "sitrep")
    results.note(feeds=FEEDS, warm_up=WARM_UP, trickle=args.trickle, rate_per_s=args.rate, burst=args.burst,
                 webhooks=ours["webhooks"], partitions=bare["partitions"], baseline_producer="acks=all idempotent",
                 latency_max_ms=round(max(ours["latencies_s"]) * 1000))
    memory = results.for_stage("Memory")
    for name, rss in ours["rss_mib"].items():
        memory.compare(f"peak RSS (VmHWM), {name}, under the end-to-end load", "MiB", rss,
                       [(f"{BASELINE} process", bare["peak_rss_mib"])], higher_is_better=False)
    memory.note(services="sitrep run ingest|dedupe|alerts, one process each", trickle=args.trickle, burst=args.burst)


def parser():
    p = arguments(__doc__.splitlines()[0], repeat=1)
    p.add_argument("--trickle", type=int, default=0, help="items released one at a time (default 40, --full 200)")
    p.add_argument("--burst", type=int, default=0, help="items released at once (default 200, --full 1000)")
    p.add_argument("--rate", type=float, default=2.0, help="items per second in the latency run")
    return p


if __name__ == "__main__":
    raise SystemExit(main("end_to_end", "End to end", run, parser().parse_args()))
