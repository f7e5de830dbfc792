"""Kafka: our producer and consumer loop vs raw aiokafka and vs kcat (librdkafka), messages/second.

Produce: `EventProducer.send_many` in batches of 500 (as the relay sends) vs a raw
`AIOKafkaProducer` with the same settings (acks=all, idempotence, linger 5 ms) passing through
the same messages already encoded (value, key, CloudEvents headers), vs `kcat -P` with acks=all
and idempotence reading the same values and keys from a file (its rate is that of a run with
every message less a run with one, so its start-up is left out). Consume, each from the topic
our producer wrote: `ConsumerLoop` with a handler that does nothing — so what is measured is
its own work, one PostgreSQL transaction per batch with the offsets and an inbox row per
message — vs a raw `AIOKafkaConsumer` in a group committing each batch by hand, vs `kcat -G`.
Rates of consumers run from the first message received to the last, so joining the group is
not counted. Client CPU is the CPU of this process (or of kcat) per message; the broker's is
not counted.

    .venv/bin/python -m bench.kafka_helpers [--quick | --full] [--repeat N]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from bench.common import (
    KAFKA,
    Results,
    arguments,
    main,
    median,
    run_process,
    sized,
    sqlalchemy_url,
    temp_database,
    temp_topics,
    unique_prefix,
)
from bench.support.samples import item_events
from shared.db import create_engine
from shared.events import Event
from shared.kafka.consumer import ConsumerLoop
from shared.kafka.producer import EventProducer, cloudevent_headers
from shared.projections import Projections
from shared.settings import Settings
from shared.unit_of_work import Database, UnitOfWork

BENCH, STAGE = "kafka_helpers", "Kafka"
PARTITIONS = 6
SEND_BATCH = 500
CONSUME_BATCH = 200


@dataclass(frozen=True)
class Run:
    rate: float
    cpu_us: float


class Arrivals:
    """When messages arrived; the rate counts from the first arrival, so start-up is left out."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.counts: list[int] = []
        self.total = 0

    def add(self, count: int) -> None:
        self.times.append(time.perf_counter())
        self.counts.append(count)
        self.total += count

    def rate(self) -> float:
        span = self.times[-1] - self.times[0] if self.times else 0
        return (self.total - self.counts[0]) / span if span > 0 else float("nan")


def encoded(events: Sequence[Event]) -> list[tuple[bytes, bytes, list[tuple[str, bytes]]]]:
    return [(e.to_json(), e.data["source_id"].encode(), cloudevent_headers(e)) for e in events]


async def produce_ours(topic: str, events: Sequence[Event]) -> Run:
    producer = EventProducer(KAFKA, client_id="bench-ours")
    await producer.start()
    try:
        messages = [(topic, e, e.data["source_id"]) for e in events]
        wall, cpu = time.perf_counter(), time.process_time()
        for start in range(0, len(messages), SEND_BATCH):
            await producer.send_many(messages[start:start + SEND_BATCH])
        return _run(len(events), wall, cpu)
    finally:
        await producer.stop()


async def produce_raw(topic: str, events: Sequence[Event]) -> Run:
    producer = AIOKafkaProducer(bootstrap_servers=KAFKA, client_id="bench-raw", acks="all",
                                enable_idempotence=True, linger_ms=5)
    await producer.start()
    try:
        messages = encoded(events)
        wall, cpu = time.perf_counter(), time.process_time()
        for start in range(0, len(messages), SEND_BATCH):
            futures = [await producer.send(topic, value, key=key, headers=headers)
                       for value, key, headers in messages[start:start + SEND_BATCH]]
            for future in futures:
                await future
        return _run(len(events), wall, cpu)
    finally:
        await producer.stop()


def produce_kcat(topic: str, events: Sequence[Event], workdir: Path) -> Run:
    """kcat's marginal rate: a run with all messages less a run with one, so start-up drops out."""
    headers = [arg for name, value in cloudevent_headers(events[0]) for arg in ("-H", f"{name}={value.decode()}")]

    def kcat(messages: Sequence[Event]) -> tuple[float, float]:
        lines = workdir / f"{topic}-{len(messages)}.txt"
        with lines.open("wb") as out:
            for value, key, _ in encoded(messages):
                out.write(key + b"\t" + value + b"\n")
        run = run_process(["kcat", "-P", "-b", KAFKA, "-t", topic, "-K", "\t", "-X", "acks=all",
                           "-X", "enable.idempotence=true", "-X", "linger.ms=5", *headers, "-l", str(lines)])
        if run.returncode != 0:
            raise RuntimeError(f"kcat -P failed: {run.stderr[-500:]}")
        return run.seconds, run.cpu_seconds

    one_seconds, one_cpu = kcat(events[:1])
    all_seconds, all_cpu = kcat(events[1:])
    extra = len(events) - 2
    return Run(extra / max(all_seconds - one_seconds, 1e-9), max(all_cpu - one_cpu, 0) / extra * 1e6)


async def consume_ours(topic: str, group: str, count: int, db: Database) -> Run:
    arrivals = Arrivals()
    done = asyncio.Event()

    async def nothing(uow: UnitOfWork, event: Event) -> None:
        arrivals.add(1)
        if arrivals.total >= count:
            done.set()

    producer = EventProducer(KAFKA, client_id="bench-dlq")
    await producer.start()
    loop = ConsumerLoop(bootstrap=KAFKA, topics=[topic], group_id=group, handler=nothing, db=db,
                        producer=producer, batch_size=CONSUME_BATCH)
    await loop.start()
    cpu = time.process_time()
    task = asyncio.create_task(loop.run(done))
    try:
        await asyncio.wait_for(done.wait(), timeout=600)
        await task
    finally:
        done.set()
        await loop.stop()
        await producer.stop()
    return Run(arrivals.rate(), (time.process_time() - cpu) / count * 1e6)


async def consume_raw(topic: str, group: str, count: int) -> Run:
    arrivals = Arrivals()
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=KAFKA, group_id=group, enable_auto_commit=False,
                                auto_offset_reset="earliest", isolation_level="read_committed")
    await consumer.start()
    cpu = time.process_time()
    try:
        async with asyncio.timeout(600):
            while arrivals.total < count:
                batches = await consumer.getmany(timeout_ms=500, max_records=CONSUME_BATCH)
                for tp, records in batches.items():
                    await consumer.commit({tp: records[-1].offset + 1})
                    arrivals.add(len(records))
    finally:
        await consumer.stop()
    return Run(arrivals.rate(), (time.process_time() - cpu) / count * 1e6)


async def consume_kcat(topic: str, group: str, count: int) -> Run:
    arrivals = Arrivals()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = await asyncio.create_subprocess_exec(
        "kcat", "-C", "-b", KAFKA, "-G", group, "-X", "auto.offset.reset=earliest", "-c", str(count),
        "-f", "%o\n", "-q", topic, stdout=asyncio.subprocess.PIPE)
    try:
        async with asyncio.timeout(600):
            while chunk := await proc.stdout.read(1 << 16):
                arrivals.add(chunk.count(b"\n"))
            await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if arrivals.total < count:
        raise RuntimeError(f"kcat -C read {arrivals.total} of {count} messages")
    return Run(arrivals.rate(), cpu / count * 1e6)


def _run(count: int, wall: float, cpu: float) -> Run:
    return Run(count / (time.perf_counter() - wall), (time.process_time() - cpu) / count * 1e6)


def report(results: Results, figure: str, ours: list[Run], baselines: dict[str, list[Run]], label: str, n: int) -> None:
    results.compare(f"{figure}, messages/s", "msg/s", median([r.rate for r in ours]),
                    [(name, median([r.rate for r in runs])) for name, runs in baselines.items()],
                    ours_label=label, detail={"messages": n, "ours_runs": [round(r.rate) for r in ours]})
    results.compare(f"{figure}, client CPU per message", "µs", median([r.cpu_us for r in ours]),
                    [(name, median([r.cpu_us for r in runs])) for name, runs in baselines.items()],
                    ours_label=label, higher_is_better=False)


async def run(args: argparse.Namespace, results: Results) -> None:
    count = sized(args, 10_000, 200_000)
    consume_count = sized(args, 2_000, 50_000)  # the consumer loop is the slow one; keep its share short
    kcat = shutil.which("kcat")
    if not kcat:
        results.skip("kcat", "not installed (make bench-tools installs Debian's kcat)")
    prefix = unique_prefix("kafka")
    names = [f"{who}{n}" for who in ("ours", "raw", "kcat") for n in range(args.repeat)]
    produced: dict[str, list[Run]] = {"ours": [], "raw": [], "kcat": []}
    consumed: dict[str, list[Run]] = {"ours": [], "raw": [], "kcat": []}
    async with temp_topics(prefix, names, PARTITIONS) as topics, temp_database(prefix) as dsn:
        db = Database(create_engine(Settings(database_url=sqlalchemy_url(dsn)), pool_size=2), Projections())
        try:
            with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as workdir:
                for n in range(args.repeat):
                    events = item_events(count)
                    produced["ours"].append(await produce_ours(topics[f"ours{n}"], events))
                    produced["raw"].append(await produce_raw(topics[f"raw{n}"], events))
                    if kcat:
                        produced["kcat"].append(await asyncio.to_thread(produce_kcat, topics[f"kcat{n}"], events, Path(workdir)))
            for n in range(args.repeat):
                source = topics[f"ours{n}"]
                consumed["ours"].append(await consume_ours(source, f"{prefix}.ours{n}", consume_count, db))
                consumed["raw"].append(await consume_raw(source, f"{prefix}.raw{n}", count))
                if kcat:
                    consumed["kcat"].append(await consume_kcat(source, f"{prefix}.kcat{n}", count))
        finally:
            await db.engine.dispose()
    report(results, "produce", produced["ours"],
           {"raw aiokafka pass-through": produced["raw"]} | ({"kcat -P (librdkafka)": produced["kcat"]} if kcat else {}),
           "EventProducer.send_many", count)
    report(results, "consume", consumed["ours"],
           {"raw aiokafka, group, manual commit": consumed["raw"]} | ({"kcat -G (librdkafka)": consumed["kcat"]} if kcat else {}),
           "ConsumerLoop, no-op handler", consume_count)
    results.note(messages=count, consumer_loop_messages=consume_count, partitions=PARTITIONS, payload="~1.3 KB CloudEvents JSON",
                 kcat=_kcat_version() if kcat else None, repeat=args.repeat)


def _kcat_version() -> str:
    run = run_process(["kcat", "-V"])
    line = next((line for line in run.stdout.splitlines() if line.startswith("Version")), "")
    return line.split(" (")[0].removeprefix("Version ") + (" / librdkafka " + line.split("librdkafka ")[1].split()[0]
                                                           if "librdkafka " in line else "")


if __name__ == "__main__":
    raise SystemExit(main(BENCH, STAGE, run, arguments(__doc__.split("\n\n")[0], repeat=2).parse_args()))
