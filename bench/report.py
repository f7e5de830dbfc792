"""Write `bench/RESULTS.md` from `bench/results/*.jsonl`: a table per stage and the machine it ran on.

    .venv/bin/python -m bench.report
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from bench.common import ADMIN_DSN, KAFKA, REPO, RESULTS_DIR, fmt, verdict

OUTPUT = REPO / "bench" / "RESULTS.md"
STAGES = ("Parse", "Ingest vs peers", "Dedupe", "Event store", "Kafka", "Webhooks", "End to end", "Memory")


def load(directory: Path) -> dict[str, list[dict[str, Any]]]:
    by_stage: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            if line.strip():
                record = json.loads(line)
                by_stage.setdefault(record["stage"], []).append(record)
    return by_stage


def stage_section(stage: str, records: list[dict[str, Any]]) -> list[str]:
    lines = [f"## {stage}", ""]
    figures = [r for r in records if r["kind"] == "figure"]
    if figures:
        lines += ["| figure | unit | ours | value | baseline | value | ours ÷ baseline | reading |",
                  "|---|---|---|---:|---|---:|---:|---|"]
        previous = None
        for r in figures:
            same = previous is not None and (r["bench"], r["figure"]) == previous
            figure = "″" if same else r["figure"]
            unit = "″" if same else r["unit"]
            ours = "″" if same else r["ours_label"]
            value = "″" if same else fmt(r["ours"])
            lines.append(f"| {figure} | {unit} | {ours} | {value} | {r['baseline']} | {fmt(r['baseline_value'])} "
                         f"| {r['ratio']:.3f} | {verdict(r['ratio'], r['higher_is_better'])} |")
            previous = (r["bench"], r["figure"])
        lines.append("")
    singles = [r for r in records if r["kind"] == "single"]
    if singles:
        lines += ["| figure | who | value |", "|---|---|---:|"]
        lines += [f"| {r['figure']} ({r['unit']}) | {r['who']} | {fmt(r['value'])} |" for r in singles]
        lines.append("")
    for r in records:
        if r["kind"] == "skipped":
            lines.append(f"- Not measured — {r['what']}: {r['reason']}")
    meta: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["kind"] == "meta":
            meta.setdefault(r["bench"], {}).update({k: v for k, v in r.items() if k not in ("bench", "stage", "kind")})
    for bench, settings in meta.items():
        lines.append(f"- `bench/{bench}.py` — " + ", ".join(f"{k}: {_plain(v)}" for k, v in settings.items()))
    return lines + [""]


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} {v}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "/".join(str(v) for v in value)
    return str(value)


def machine() -> list[tuple[str, str]]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", model.group(1).strip() if model else platform.processor() or "unknown"),
        ("cores", str(os.cpu_count())),
        ("memory", f"{int(mem.group(1)) / (1 << 20):.1f} GiB" if mem else "unknown"),
        ("OS", _os_name()),
        ("kernel", platform.release()),
        ("Python", platform.python_version()),
        ("PostgreSQL", asyncio.run(_postgres_version())),
        ("Kafka", _kafka_version()),
        ("load average (1/5/15 min) when written", " / ".join(f"{x:.1f}" for x in os.getloadavg())),
    ]


def _os_name() -> str:
    release = Path("/etc/os-release")
    if release.exists():
        found = re.search(r'^PRETTY_NAME="?([^"\n]+)', release.read_text(), re.MULTILINE)
        if found:
            return found.group(1)
    return platform.system()


async def _postgres_version() -> str:
    try:
        conn = await asyncpg.connect(ADMIN_DSN, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        return f"unknown ({type(exc).__name__})"
    try:
        return await conn.fetchval("SHOW server_version")
    finally:
        await conn.close()


def _kafka_version() -> str:
    """The broker's release, read from the class path of the broker process on this host."""
    import psutil

    for proc in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        if "kafka.Kafka" not in cmdline:
            continue
        found = re.search(r"kafka[_-]2\.\d+-(\d+\.\d+\.\d+)\.jar|/kafka/(\d+\.\d+\.\d+)/libs", cmdline)
        if found:
            return f"{found.group(1) or found.group(2)} (broker at {KAFKA})"
        libs = re.search(r"-cp\s+(\S+?)/\*", cmdline)
        if libs:
            jars = sorted(Path(libs.group(1)).glob("kafka_2.*-*.jar"))
            if jars:
                return jars[0].stem.split("-")[-1] + f" (broker at {KAFKA})"
    return f"unknown (no broker process found on this host for {KAFKA})"


def render(by_stage: dict[str, list[dict[str, Any]]]) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`bench/report.py`); do not edit by hand. Every figure is measured",
        "in the same run on the same machine as its baseline. *ours ÷ baseline* is the ratio of the",
        "figures as measured; *reading* turns it into better/worse for ours (for rates higher is",
        "better, for times and CPU lower is better). This machine is shared with other work, so",
        "absolute numbers move between runs; ratios move less.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in machine()],
        "",
    ]
    order = [s for s in STAGES if s in by_stage] + sorted(s for s in by_stage if s not in STAGES)
    for stage in order:
        lines += stage_section(stage, by_stage[stage])
    missing = [s for s in STAGES if s not in by_stage]
    if missing:
        lines += ["## Not yet benchmarked", "", *[f"- {s}" for s in missing], ""]
    return "\n".join(lines)


def main() -> None:
    OUTPUT.write_text(render(load(RESULTS_DIR)))
    print(f"wrote {OUTPUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
