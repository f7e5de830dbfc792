"""Items per second of ``dedupe cluster`` on synthetic items, end to end.

    python bench/dedupe_cluster_speed.py 1000 100000

For each size: generate the items (bench/dedupe_items.py), pipe them through
the offline tool in a fresh process (JSON in, JSON out, interpreter start
included) and print items/s; then, in process, the items/s of each tenth of
the run, which stays flat if no step scans all stories. CPU time is printed
beside wall time because the machine may be shared.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.dedupe_items import generate  # noqa: E402
from services.dedupe.archive import item_from_json  # noqa: E402
from services.dedupe.assign import assign_story  # noqa: E402
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter  # noqa: E402
from services.dedupe.index.memory import InMemoryStoryIndex  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def end_to_end(n: int) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for item in generate(n):
            f.write(json.dumps(item) + "\n")
    start, cpu_start = time.perf_counter(), _children_cpu()
    with open(f.name) as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "services.dedupe.cli", "cluster"], stdin=stdin,
            capture_output=True, text=True, check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)},
        )
    elapsed, cpu = time.perf_counter() - start, _children_cpu() - cpu_start
    Path(f.name).unlink()
    stories = len({json.loads(line)["story"] for line in done.stdout.splitlines()})
    print(f"{n:>8} items  {stories:>8} stories  {elapsed:8.1f} s wall  {n / elapsed:6.0f} items/s  "
          f"{cpu:8.1f} s CPU  {n / cpu:6.0f} items per CPU-second (end to end)")
    return n / elapsed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def per_tenth(n: int) -> list[float]:
    config = DedupeConfig()
    fingerprint, index = Fingerprinter(config), InMemoryStoryIndex()
    items = [item_from_json(i) for i in generate(n)]
    rates, tenth = [], max(1, n // 10)
    for chunk_start in range(0, n, tenth):
        chunk = items[chunk_start : chunk_start + tenth]
        start = time.process_time()
        for item in chunk:
            fp = fingerprint(item, seen_at=item.published)
            await assign_story(index, fp, config, new_story_id=lambda: item.id)
        rates.append(len(chunk) / (time.process_time() - start))
    print(f"{n:>8} items  in-process items per CPU-second by tenth: " + " ".join(f"{r:.0f}" for r in rates))
    return rates


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000]
    for n in sizes:
        end_to_end(n)
        asyncio.run(per_tenth(n))


if __name__ == "__main__":
    main()
