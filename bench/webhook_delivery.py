"""Webhook delivery latency and throughput against a local receiver.

    .venv/bin/python bench/webhook_delivery.py [--alerts 2000] [--subscriptions 4] [--workers 1]

Makes a scratch database (from SITREP_TEST_ADMIN_DSN's server), a receiver in its own process
answering 204, subscriptions on it, and:
1. throughput: queues every alert first, then runs the delivery workers until all are delivered;
2. latency: claims observed one at a time at a steady rate while a worker runs; reports the
   time from the claim's observation to its subscriber's 2xx (p50, p95, p99, max).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import sys
import time
import uuid
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.alerts.settings import AlertsSettings  # noqa: E402
from shared.logs import configure_logging  # noqa: E402
from shared.migrate import upgrade  # noqa: E402
from tests.support.webhooks import database, observe_and_queue, rows, run_workers_until, subscribe  # noqa: E402

ADMIN_DSN = os.environ.get("SITREP_TEST_ADMIN_DSN", "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep")
CONFIG = AlertsSettings(webhook_poll_interval_s=0.05, webhook_concurrency_per_endpoint=8, webhook_max_in_flight=64)


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

    async def main() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port_out.put(server.sockets[0].getsockname()[1])
        await server.serve_forever()

    asyncio.run(main())


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * p), len(ordered) - 1)]


async def delivered_count(db) -> int:
    return (await rows(db, "SELECT count(*) FROM deliveries WHERE status = 'delivered'"))[0][0]


async def bench(url: str, args: argparse.Namespace) -> None:
    async with database(url) as db:
        for n in range(args.subscriptions):
            await subscribe(db, f"{args.receiver}/hook/{n}")
        claims = args.alerts // args.subscriptions
        started = time.perf_counter()
        for n in range(claims):
            await observe_and_queue(db, f"t{n}")
        queued = time.perf_counter() - started
        total = claims * args.subscriptions
        print(f"queued {total} alerts ({claims} claims x {args.subscriptions} subscriptions) in {queued:.2f}s "
              f"({claims / queued:.0f} claims/s recorded and matched)")

        async def all_delivered() -> bool:
            return await delivered_count(db) >= total

        started = time.perf_counter()
        await run_workers_until([url] * args.workers, all_delivered, config=CONFIG, timeout=600)
        elapsed = time.perf_counter() - started
        print(f"throughput: {total} webhooks delivered in {elapsed:.2f}s = {total / elapsed:.0f}/s "
              f"with {args.workers} worker(s)")

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
        latencies = [float(r[0]) * 1000 for r in await rows(
            db, "SELECT extract(epoch FROM delivered_at - claim_observed_at) FROM deliveries WHERE claim_id LIKE 'l%'")]
        print(f"latency claim -> 2xx over {len(latencies)} webhooks at {args.rate} claims/s: "
              f"p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
              f"p99 {percentile(latencies, 0.99):.0f} ms, max {max(latencies):.0f} ms")


async def scratch_database(sql: str) -> None:
    conn = await asyncpg.connect(ADMIN_DSN)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=2000)
    parser.add_argument("--subscriptions", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--trickle", type=int, default=200, help="claims observed one by one for the latency run")
    parser.add_argument("--rate", type=float, default=20.0, help="claims per second in the latency run")
    args = parser.parse_args()
    configure_logging("WARNING", "console", service="bench")

    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=receiver, args=(ports,), daemon=True)
    server.start()
    args.receiver = f"http://127.0.0.1:{ports.get(timeout=10)}"
    name = f"sitrep_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(scratch_database(f'CREATE DATABASE "{name}"'))
    url = ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + "/" + name
    try:
        upgrade(url)
        asyncio.run(bench(url, args))
    finally:
        asyncio.run(scratch_database(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.terminate()


if __name__ == "__main__":
    main()
