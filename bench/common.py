"""What every benchmark needs: arguments, timing, result lines, a database and topics of its own,
and the time, CPU and memory of a child process.

A benchmark compares *ours* with one or more *baselines* measured in the same run on the same
machine. Each comparison is printed for people and appended as one JSON object to
`bench/results/<bench>.jsonl`, which `bench/report.py` turns into `bench/RESULTS.md`.
Ratios are always ours ÷ baseline of the figure as measured; `higher_is_better` says which way
is good (events per second: up; seconds or CPU: down).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import time
import traceback
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from bench.support.processes import PeakRSS, ProcessRun, run_process  # noqa: F401 — part of this interface

REPO = Path(__file__).resolve().parents[1]
RESULTS_DIR = Path(os.environ.get("SITREP_BENCH_RESULTS", REPO / "bench" / "results"))
ADMIN_DSN = os.environ.get("SITREP_BENCH_ADMIN_DSN", "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep")
KAFKA = os.environ.get("SITREP_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


# -- arguments -------------------------------------------------------------------------------

def arguments(description: str, repeat: int = 3) -> argparse.ArgumentParser:
    """A parser with the switches every benchmark takes; add your own, then `parse_args()`."""
    parser = argparse.ArgumentParser(description=description)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", dest="full", action="store_false", help="small sizes, tens of seconds (default)")
    size.add_argument("--full", dest="full", action="store_true", help="the sizes the issue names; minutes")
    parser.add_argument("--repeat", type=int, default=repeat, help="runs of each measurement; the median is reported")
    parser.set_defaults(full=False)
    return parser


def sized(args: argparse.Namespace, quick: int, full: int) -> int:
    return full if args.full else quick


# -- timing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    """One timed run: wall seconds, CPU seconds of this process, and how many things it did."""

    seconds: float
    cpu_seconds: float
    count: int

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds > 0 else float("inf")

    @property
    def cpu_rate(self) -> float:
        """Things per CPU-second of this process: for in-process CPU-bound work on a shared machine."""
        return self.count / self.cpu_seconds if self.cpu_seconds > 0 else float("inf")

    @property
    def cpu_per_item_us(self) -> float:
        return self.cpu_seconds / self.count * 1e6 if self.count else float("nan")


async def timed(count: int, work: Callable[[], Awaitable[Any]]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    await work()
    return Sample(time.perf_counter() - wall, time.process_time() - cpu, count)


async def run_for(budget: float, prepare: Callable[[], Any], work: Callable[[Any], Awaitable[int]]) -> Sample:
    """Repeat `work(prepare())` until it has taken `budget` seconds; only `work` is timed.

    `work` returns how many things it did. Time-boxing keeps a slow path from stretching the run
    while a fast one still gets enough repetitions to be measured.
    """
    seconds = cpu_seconds = 0.0
    count = 0
    while seconds < budget:
        batch = prepare()
        wall, cpu = time.perf_counter(), time.process_time()
        count += await work(batch)
        seconds += time.perf_counter() - wall
        cpu_seconds += time.process_time() - cpu
    return Sample(seconds, cpu_seconds, count)


async def median_sample(repeat: int, run: Callable[[], Awaitable[Sample]]) -> tuple[Sample, list[Sample]]:
    """Run `repeat` times; the run with the median rate, and all of them."""
    samples = [await run() for _ in range(max(repeat, 1))]
    ranked = sorted(samples, key=lambda s: s.rate)
    return ranked[len(ranked) // 2], samples


# -- results ---------------------------------------------------------------------------------

def verdict(ratio: float, higher_is_better: bool) -> str:
    """'1.8× faster' / '3.2× slower' for ours against the baseline."""
    if not ratio or ratio != ratio:
        return "n/a"
    speedup = ratio if higher_is_better else 1 / ratio
    return f"{speedup:.2f}× better" if speedup >= 1 else f"{1 / speedup:.2f}× worse"


@dataclass
class Results:
    """Collects one benchmark's comparisons, prints them and writes `results/<bench>.jsonl`."""

    bench: str
    stage: str
    records: list[dict[str, Any]] = field(default_factory=list)

    def compare(self, figure: str, unit: str, ours: float, baselines: Sequence[tuple[str, float]], *,
                higher_is_better: bool = True, ours_label: str = "sitrep", detail: dict | None = None) -> None:
        for name, value in baselines:
            ratio = ours / value if value else float("nan")
            self._add({
                "kind": "figure", "figure": figure, "unit": unit, "higher_is_better": higher_is_better,
                "ours_label": ours_label, "ours": ours, "baseline": name, "baseline_value": value,
                "ratio": ratio, "detail": detail or {},
            })
            print(f"  {figure}: ours ({ours_label}) {fmt(ours)} {unit} | {name} {fmt(value)} {unit}"
                  f" | ours/baseline {ratio:.3f} ({verdict(ratio, higher_is_better)})", flush=True)

    def measure(self, figure: str, unit: str, value: float, who: str, detail: dict | None = None) -> None:
        """A figure with nothing to compare against yet (a peer or our side is missing)."""
        self._add({"kind": "single", "figure": figure, "unit": unit, "who": who, "value": value,
                   "detail": detail or {}})
        print(f"  {figure}: {who} {fmt(value)} {unit}", flush=True)

    def skip(self, what: str, reason: str) -> None:
        self._add({"kind": "skipped", "what": what, "reason": reason})
        print(f"  skipped {what}: {reason}", flush=True)

    def note(self, **meta: Any) -> None:
        """Sizes, versions and settings of this run, shown under the stage's table."""
        self._add({"kind": "meta", **meta})

    def for_stage(self, stage: str) -> Results:
        """The same results file, recording under another stage: one run can measure two stages."""
        return Results(self.bench, stage, self.records)

    def _add(self, record: dict[str, Any]) -> None:
        self.records.append({"bench": self.bench, "stage": self.stage, **record})

    def write(self) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path = RESULTS_DIR / f"{self.bench}.jsonl"
        path.write_text("".join(json.dumps(r, default=str) + "\n" for r in self.records))
        print(f"  results: {path}", flush=True)
        return path


def fmt(value: float) -> str:
    if value != value:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}"
    return f"{value:.3g}"


# -- a database and topics of the benchmark's own --------------------------------------------

def unique_prefix(bench: str) -> str:
    return f"bench_{bench}_{uuid.uuid4().hex[:8]}"


def dsn_for(database: str) -> str:
    return ADMIN_DSN.rsplit("/", 1)[0] + "/" + database


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(ADMIN_DSN)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@asynccontextmanager
async def temp_database(prefix: str) -> AsyncIterator[str]:
    """A migrated database of its own; yields its asyncpg DSN and drops it afterwards."""
    from shared.migrate import upgrade

    name = prefix.lower()
    await _admin(f'CREATE DATABASE "{name}"')
    try:
        dsn = dsn_for(name)
        await asyncio.to_thread(upgrade, sqlalchemy_url(dsn))  # alembic runs its own event loop
        yield dsn
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlalchemy_url(dsn: str) -> str:
    return dsn.replace("postgresql://", "postgresql+asyncpg://", 1)


@asynccontextmanager
async def temp_topics(prefix: str, names: Sequence[str], partitions: int) -> AsyncIterator[dict[str, str]]:
    """Topics `<prefix>.<name>` created fresh and deleted afterwards; yields name -> topic."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    topics = {name: f"{prefix}.{name}" for name in names}
    admin = AIOKafkaAdminClient(bootstrap_servers=KAFKA)
    await admin.start()
    try:
        await admin.create_topics(
            [NewTopic(name=t, num_partitions=partitions, replication_factor=1) for t in topics.values()]
        )
        yield topics
    finally:
        existing = set(await admin.list_topics())
        leftovers = [t for t in existing if t.startswith(prefix)]  # includes any dead-letter topics
        if leftovers:
            await admin.delete_topics(leftovers)
        await admin.close()


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest rank: the value below which a share `p` (0..1) of `values` falls."""
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * p), len(ordered) - 1)] if ordered else float("nan")


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(bench: str, stage: str, run: Callable[[argparse.Namespace, Results], Awaitable[None]],
         args: argparse.Namespace) -> int:
    """Run a benchmark and write its results, however far it got; 1 if it broke off."""
    results = Results(bench, stage)
    started = time.perf_counter()
    print(f"== {bench} ({'full' if args.full else 'quick'})", flush=True)
    code = 0

    async def cancellable() -> None:
        # SIGTERM cancels the run, so its databases and topics are still cleaned up.
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, asyncio.current_task().cancel)
        await run(args, results)

    try:
        asyncio.run(cancellable())
    except (asyncio.CancelledError, KeyboardInterrupt):
        results.skip("the rest of this benchmark", "interrupted")
        code = 130
    except Exception as exc:  # noqa: BLE001 — a benchmark reports what it measured before it broke
        traceback.print_exc()
        results.skip("the rest of this benchmark", f"it stopped with {exc!r}")
        code = 1
    results.note(seconds=round(time.perf_counter() - started, 1), size="full" if args.full else "quick",
                 load_average=[round(x, 1) for x in os.getloadavg()])
    results.write()
    return code
