"""CLI start-up: wall time and peak memory of `sitrep --help` and `sitrep feeds list` against a bare
interpreter (`python -c pass`) and `python -c "import typer"`, measured in the same run.

    .venv/bin/python -m bench.cli_startup [--quick | --full] [--repeat N]

Each command runs `--repeat` times (7 quick, 21 full) as a child of GNU time, whose own image is
small, so the peak resident set it reports is the command's own; the median wall time and the
median peak are reported. `sitrep feeds list` reads a database of its own holding 50 sources.
Targets on the development machine: `--help` at most 0.3 s and 40 MiB, `feeds list` 0.8 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from bench.common import REPO, Results, arguments, main, median, run_process, sized, sqlalchemy_url, temp_database, unique_prefix

BENCH, STAGE = "cli_startup", "CLI start-up"
SITREP = str(REPO / ".venv" / "bin" / "sitrep")
TIME = shutil.which("time") or "/usr/bin/time"
SOURCES = 50


def measure(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(median wall seconds, median peak RSS MiB) of `cmd` run `runs` times."""
    walls, peaks = [], []
    for _ in range(runs):
        done = run_process([TIME, "-f", "peak_kib=%M", *cmd], env=env, cwd=REPO)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr[-2000:]}")
        peak = next(line for line in done.stderr.splitlines()[::-1] if line.startswith("peak_kib="))
        walls.append(done.seconds)
        peaks.append(int(peak.split("=")[1]) / 1024)
    return median(walls), median(peaks)


async def register_sources(database_url: str) -> None:
    from shared.db import create_engine
    from shared.events.feeds import FeedSettings
    from shared.readmodel.feeds.commands import register_feed
    from shared.readmodel.projections import all_projections
    from shared.settings import Settings
    from shared.unit_of_work import Database

    db = Database(create_engine(Settings(database_url=database_url), pool_size=1), all_projections())
    try:
        async with db.transaction() as uow:
            for n in range(SOURCES):
                await register_feed(uow, FeedSettings(url=f"https://source-{n}.example/feed.xml", kind="rss"))
    finally:
        await db.engine.dispose()


async def run(args: argparse.Namespace, results: Results) -> None:
    if not os.path.exists(TIME):
        results.skip("everything", "GNU time is not installed (Debian package time)")
        return
    runs = args.repeat
    python = sys.executable
    bare = measure([python, "-c", "pass"], runs)
    typer_only = measure([python, "-c", "import typer"], runs)
    help_ = measure([SITREP, "--help"], runs)
    results.note(runs=runs, python=sys.version.split()[0])
    baselines_wall = [("python -c pass", bare[0]), ("python -c 'import typer'", typer_only[0])]
    baselines_rss = [("python -c pass", bare[1]), ("python -c 'import typer'", typer_only[1])]
    results.compare("sitrep --help wall time", "s", help_[0], baselines_wall, higher_is_better=False,
                    detail={"target_s": 0.3})
    results.compare("sitrep --help peak RSS", "MiB", help_[1], baselines_rss, higher_is_better=False,
                    detail={"target_mib": 40})
    async with temp_database(unique_prefix(BENCH)) as dsn:
        url = sqlalchemy_url(dsn)
        await register_sources(url)
        env = {**os.environ, "SITREP_DATABASE_URL": url}
        listing = measure([SITREP, "feeds", "list"], runs, env)
    results.compare("sitrep feeds list wall time", "s", listing[0], baselines_wall, higher_is_better=False,
                    detail={"target_s": 0.8, "sources": SOURCES})
    results.compare("sitrep feeds list peak RSS", "MiB", listing[1], baselines_rss, higher_is_better=False,
                    detail={"sources": SOURCES})


if __name__ == "__main__":
    parsed = arguments(__doc__, repeat=7).parse_args()
    parsed.repeat = sized(parsed, parsed.repeat, max(parsed.repeat, 21))
    sys.exit(main(BENCH, STAGE, run, parsed))
