"""Webhooks: signed deliveries per second and claim → 2xx latency, against a bare httpx POST loop.

    .venv/bin/python -m bench.webhook_delivery [--quick | --full] [--alerts N] [--subscriptions 4]
                                               [--workers 1] [--trickle N] [--rate 20]

A database of its own, a receiver in a process of its own on 127.0.0.1 answering every POST
with 204 (keep-alive HTTP/1.1), and `--subscriptions` subscriptions on it. Then:

1. throughput: every alert is queued first (claims observed and matched, as the story handler
   does), then `--workers` delivery workers run until all are delivered; deliveries per second.
   Each delivery is leased from the database, signed, POSTed, and its outcome recorded.
2. latency: `--trickle` claims observed one at a time at `--rate` per second while a worker runs;
   from the claim's observation to its subscriber's 2xx (`delivered_at - claim_observed_at`),
   p50/p95/p99. The worker polls its queue every 50 ms here (the default is 200 ms).

The baseline, in the same run against the same receiver: an `httpx.AsyncClient` POSTing the
same bodies (a delivered payload) to the same URLs, unsigned and with nothing recorded, with
the same concurrency as the workers (per worker the lesser of the in-flight cap and
subscriptions × per-endpoint cap); for latency, one POST per subscription at the same rate,
from the moment it is due to its 2xx. Quick: 2,000 alerts and 200 claims; --full 20,000 and 1,000.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time

import httpx

from bench.common import Results, arguments, main, percentile, sized, sqlalchemy_url, temp_database, unique_prefix
from services.alerts.settings import AlertsSettings
from shared.logs import configure_logging
from shared.webhooks.message import body_of
from tools.webhook_fixtures import database, observe_and_queue, rows, run_workers_until, subscribe

BENCH, STAGE = "webhook_delivery", "Webhooks"
CONFIG = AlertsSettings(webhook_poll_interval_s=0.05, webhook_concurrency_per_endpoint=8, webhook_max_in_flight=64)
OURS = "DeliveryWorker (lease, sign, POST, record)"
BASELINE = "bare httpx POST loop"


def receiver(port_out: multiprocessing.Queue) -> None:
    """A minimal keep-alive HTTP/1.1 server that answers every POST with 204."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                await reader.readexactly(length)
                writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def serve_forever() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port_out.put(server.sockets[0].getsockname()[1])
        await server.serve_forever()

    asyncio.run(serve_forever())


async def delivered_count(db) -> int:
    return (await rows(db, "SELECT count(*) FROM deliveries WHERE status = 'delivered'"))[0][0]


async def bare_throughput(urls: list[str], body: bytes, total: int, concurrency: int) -> float:
    """Deliveries per second of `total` POSTs spread over `urls`, `concurrency` at a time."""
    queue = iter(range(total))

    async def post(client: httpx.AsyncClient) -> None:
        for n in queue:
            (await client.post(urls[n % len(urls)], content=body)).raise_for_status()

    async with httpx.AsyncClient(trust_env=False) as client:
        started = time.perf_counter()
        await asyncio.gather(*(post(client) for _ in range(concurrency)))
        return total / (time.perf_counter() - started)


async def bare_latencies(urls: list[str], body: bytes, claims: int, rate: float) -> list[float]:
    """Seconds from due to 2xx of one POST per URL, `claims` times at `rate` per second."""
    latencies: list[float] = []

    async def post(client: httpx.AsyncClient, url: str, due: float) -> None:
        (await client.post(url, content=body)).raise_for_status()
        latencies.append(time.perf_counter() - due)

    async with httpx.AsyncClient(trust_env=False) as client:
        pending = []
        for _ in range(claims):
            due = time.perf_counter()
            pending += [asyncio.create_task(post(client, url, due)) for url in urls]
            await asyncio.sleep(1 / rate)
        await asyncio.gather(*pending)
    return latencies


async def ours(db, url: str, args: argparse.Namespace) -> dict:
    """Queue every alert, deliver them all; then the latency run. Figures, and a delivered body."""
    claims = args.alerts // args.subscriptions
    total = claims * args.subscriptions
    started = time.perf_counter()
    for n in range(claims):
        await observe_and_queue(db, f"t{n}")
    queue_rate = claims / (time.perf_counter() - started)

    async def all_delivered() -> bool:
        return await delivered_count(db) >= total

    started = time.perf_counter()
    await run_workers_until([url] * args.workers, all_delivered, config=CONFIG, timeout=600)
    rate = total / (time.perf_counter() - started)

    stop = asyncio.Event()

    async def trickle() -> None:
        for n in range(args.trickle):
            await observe_and_queue(db, f"l{n}")
            await asyncio.sleep(1 / args.rate)
        stop.set()

    feeder = asyncio.create_task(trickle())

    async def trickle_done() -> bool:
        return stop.is_set() and await delivered_count(db) >= total + args.trickle * args.subscriptions

    await run_workers_until([url], trickle_done, config=CONFIG, timeout=600)
    await feeder
    latencies = [float(r[0]) for r in await rows(
        db, "SELECT extract(epoch FROM delivered_at - claim_observed_at) FROM deliveries WHERE claim_id LIKE 'l%'")]
    [(payload,)] = await rows(db, "SELECT payload FROM deliveries WHERE claim_id = 't0' LIMIT 1")
    return {"rate": rate, "latencies_s": latencies, "queue_rate": queue_rate, "total": total,
            "body": body_of(payload)}


async def run(args: argparse.Namespace, results: Results) -> None:
    configure_logging("WARNING", "console", service="bench")
    args.alerts = args.alerts or sized(args, 2_000, 20_000)
    args.trickle = args.trickle or sized(args, 200, 1_000)
    ports: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()
    server = multiprocessing.get_context("spawn").Process(target=receiver, args=(ports,), daemon=True)
    server.start()
    try:
        base_url = f"http://127.0.0.1:{await asyncio.to_thread(ports.get, timeout=30)}"
        urls = [f"{base_url}/hook/{n}" for n in range(args.subscriptions)]
        async with temp_database(unique_prefix(BENCH)) as dsn, database(sqlalchemy_url(dsn)) as db:
            for url in urls:
                await subscribe(db, url)
            measured = await ours(db, sqlalchemy_url(dsn), args)
        concurrency = args.workers * min(CONFIG.webhook_max_in_flight,
                                         args.subscriptions * CONFIG.webhook_concurrency_per_endpoint)
        bare_rate = await bare_throughput(urls, measured["body"], measured["total"], concurrency)
        bare = await bare_latencies(urls, measured["body"], args.trickle, args.rate)
    finally:
        server.terminate()
    record(results, args, measured, bare_rate, bare, concurrency)


def record(results: Results, args: argparse.Namespace, measured: dict, bare_rate: float, bare: list[float],
           concurrency: int) -> None:
    results.compare(f"webhooks delivered, {measured['total']:,} queued, {concurrency} in flight", "deliveries/s",
                    measured["rate"], [(f"{BASELINE}, {concurrency} at a time", bare_rate)], ours_label=OURS)
    for p in (0.50, 0.95, 0.99):
        results.compare(f"latency p{p * 100:.0f}, claim observed → 2xx, {args.rate:g} claims/s", "ms",
                        percentile(measured["latencies_s"], p) * 1000,
                        [(f"{BASELINE}, due → 2xx", percentile(bare, p) * 1000)],
                        higher_is_better=False, ours_label=OURS)
    results.note(alerts=measured["total"], subscriptions=args.subscriptions, workers=args.workers,
                 trickle_claims=args.trickle, rate_per_s=args.rate, body_bytes=len(measured["body"]),
                 poll_interval_s=CONFIG.webhook_poll_interval_s,
                 per_endpoint=CONFIG.webhook_concurrency_per_endpoint, max_in_flight=CONFIG.webhook_max_in_flight,
                 claims_queued_per_s=round(measured["queue_rate"]),
                 latency_max_ms=round(max(measured["latencies_s"]) * 1000))


def parser() -> argparse.ArgumentParser:
    p = arguments(__doc__.splitlines()[0], repeat=1)
    p.add_argument("--alerts", type=int, default=0, help="alerts queued for the throughput run (2,000; --full 20,000)")
    p.add_argument("--subscriptions", type=int, default=4)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--trickle", type=int, default=0, help="claims observed one by one for the latency run (200; 1,000)")
    p.add_argument("--rate", type=float, default=20.0, help="claims per second in the latency run")
    return p


if __name__ == "__main__":
    raise SystemExit(main(BENCH, STAGE, run, parser().parse_args()))
