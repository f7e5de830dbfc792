"""Ingest vs peers: fetch and parse a corpus of feeds once (cold), then again when the server
answers 304 (warm): ours vs `newsboat -x reload` and vs rss2email (`r2e run --no-send`).

A local server (its own process, 127.0.0.1 only) serves realistic RSS 2.0 feeds of 50 items
with ETag and Last-Modified. Every client runs as a child process with a fresh temporary HOME
and no proxy settings, so each starts cold and keeps its own cache between its passes; its wall
time, user+sys CPU (wait4 on the child: threads and children included) and peak RSS are
measured. newsboat reloads with `reload-threads` equal to our concurrency; rss2email fetches one
feed after another (it has no concurrency setting). Ours is the ingest service's fetch and
parse path (`Fetcher` + `process_document`, see bench/support/ingest_worker.py) from the
checkout given by `--ours-checkout` (default: this one); it is skipped, with the reason, where
that path does not exist yet. A warm pass is counted once the server answered 304 to nearly
every feed: newsboat only stores a new feed's validators from its second run on, so its first
warm pass is repeated. Before timing, each client runs under strace on a few feeds to show
that it connects to 127.0.0.1 only.

    .venv/bin/python -m bench.ingest_vs_peers [--quick | --full] [--concurrency N] [--ours-checkout DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import REPO, ProcessRun, Results, arguments, main, run_process, sized
from bench.support.feed_corpus import ServedCorpus, served_corpus

BENCH, STAGE = "ingest_vs_peers", "Ingest vs peers"
ITEMS_PER_FEED = 50
WORKER = REPO / "bench" / "support" / "ingest_worker.py"
WORKER_SKIPPED = 3
WARM_SHARE = 0.99
TRACED_FEEDS = 3


@dataclass
class Client:
    """One reader under test: how to set it up in its directory, run it, and count what it kept."""

    name: str
    workdir: Path
    concurrency: int
    unavailable: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        # A fresh HOME and no proxy variables: nothing but the local server can be reached.
        return {"HOME": str(self.workdir), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
                "no_proxy": "*", **self.extra_env}

    def prepare(self, urls: list[str]) -> None: ...
    def command(self) -> list[str]: ...
    def items(self, run: ProcessRun) -> int: ...


class Newsboat(Client):
    def prepare(self, urls: list[str]) -> None:
        (self.workdir / "urls").write_text("\n".join(urls) + "\n")
        (self.workdir / "config").write_text(
            f"reload-threads {self.concurrency}\ndownload-timeout 60\ndownload-retries 1\ncleanup-on-quit no\n")

    def command(self) -> list[str]:
        d = self.workdir
        return ["newsboat", "-x", "reload", "-u", str(d / "urls"), "-c", str(d / "cache.db"), "-C", str(d / "config")]

    def items(self, run: ProcessRun) -> int:
        with sqlite3.connect(self.workdir / "cache.db") as db:
            return db.execute("SELECT count(*) FROM rss_item").fetchone()[0]


class Rss2email(Client):
    def prepare(self, urls: list[str]) -> None:
        feeds = "".join(f"\n[feed.f{n:04d}]\nurl = {url}\n" for n, url in enumerate(urls))
        (self.workdir / "r2e.cfg").write_text(
            "[DEFAULT]\nto = bench@example.invalid\nsame-server-fetch-interval = 0\nfeed-timeout = 60\n" + feeds)

    def command(self) -> list[str]:
        d = self.workdir
        return ["r2e", "-c", str(d / "r2e.cfg"), "-d", str(d / "r2e.json"), "run", "--no-send"]

    def items(self, run: ProcessRun) -> int:
        data = json.loads((self.workdir / "r2e.json").read_text())
        return sum(len(feed.get("seen", {})) for feed in data["feeds"])


class Ours(Client):
    python: str = sys.executable

    def prepare(self, urls: list[str]) -> None:
        (self.workdir / "urls").write_text("\n".join(urls) + "\n")

    def command(self) -> list[str]:
        d = self.workdir
        return [self.python, str(WORKER), str(d / "urls"), str(d / "state.json"), "--concurrency", str(self.concurrency)]

    def items(self, run: ProcessRun) -> int:
        return json.loads(run.stdout.strip().splitlines()[-1]).get("items", 0)


@dataclass
class Passes:
    cold: ProcessRun
    warm: ProcessRun
    cold_items: int
    cold_answers: Counter
    warm_answers: Counter
    warm_attempt: int


def run_passes(client: Client, corpus: ServedCorpus, urls: list[str]) -> Passes:
    client.prepare(urls)

    def one_pass() -> tuple[ProcessRun, Counter]:
        before = corpus.answered()
        run = run_process(client.command(), env=client.env(), cwd=client.workdir)
        if run.returncode != 0:
            raise ClientFailed(client.name, run)
        return run, corpus.answered() - before

    cold, cold_answers = one_pass()
    items = client.items(cold)
    for attempt in range(1, 4):
        warm, warm_answers = one_pass()
        if warm_answers[304] >= WARM_SHARE * len(urls):
            break
    return Passes(cold, warm, items, cold_answers, warm_answers, attempt)


class ClientFailed(RuntimeError):
    def __init__(self, name: str, run: ProcessRun) -> None:
        super().__init__(f"{name} exited {run.returncode}: {(run.stdout + run.stderr)[-600:]}")
        self.run = run


def connections(client: Client, corpus: ServedCorpus) -> str:
    """Run the client under strace on a few feeds; where it connected, or why that is unknown."""
    if not shutil.which("strace"):
        return "not checked (strace missing)"
    client.prepare(corpus.urls(TRACED_FEEDS))
    trace = client.workdir / "connect.trace"
    run_process(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), *client.command()],
                env=client.env(), cwd=client.workdir)
    text = trace.read_text() if trace.exists() else ""
    inet = set(re.findall(r'inet_(?:addr|pton)\([^"]*"([^"]+)"', text))
    unix = set(re.findall(r'sun_path="([^"]+)"', text))
    outside = sorted(a for a in inet if a not in ("127.0.0.1", "::1"))
    shutil.rmtree(client.workdir)
    client.workdir.mkdir()
    found = f"inet {sorted(inet) or 'none'}" + (f", unix {sorted(unix)}" if unix else "")
    return ("REACHED OUTSIDE 127.0.0.1: " if outside else "only loopback: ") + found


def clients(args: argparse.Namespace, root: Path) -> list[Client]:
    made: list[Client] = []
    for cls, name, tool in ((Ours, "sitrep ingest", None), (Newsboat, "newsboat", "newsboat"), (Rss2email, "rss2email", "r2e")):
        workdir = root / cls.__name__.lower()
        workdir.mkdir()
        client = cls(name, workdir, args.concurrency)
        if tool and not shutil.which(tool):
            client.unavailable = f"{tool} not installed (make bench-tools installs Debian's {cls.__name__.lower()})"
        made.append(client)
    ours = made[0]
    checkout = Path(args.ours_checkout).resolve()
    ours.extra_env = {"PYTHONPATH": str(checkout)}
    venv_python = checkout / ".venv" / "bin" / "python"
    ours.python = str(venv_python) if venv_python.exists() else sys.executable
    return made


def version(client: Client) -> str:
    command = {"newsboat": ["newsboat", "-v"], "rss2email": ["r2e", "--version"]}.get(client.name)
    if command is None:
        checkout = client.extra_env["PYTHONPATH"]
        commit = run_process(["git", "-C", checkout, "log", "-1", "--format=%h"])
        branch = run_process(["git", "-C", checkout, "branch", "--show-current"])
        return f"branch {branch.stdout.strip() or '?'} at {commit.stdout.strip()}"
    return run_process(command).stdout.splitlines()[0].strip()


async def run(args: argparse.Namespace, results: Results) -> None:
    feeds = args.feeds or sized(args, 100, 1000)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-ingest-") as tmp, served_corpus(feeds, ITEMS_PER_FEED) as corpus:
        urls = corpus.urls()
        measured: dict[str, Passes] = {}
        notes: dict[str, str] = {}
        for client in clients(args, Path(tmp)):
            if client.unavailable:
                results.skip(client.name, client.unavailable)
                continue
            notes[client.name] = version(client)
            try:
                notes[f"{client.name} network"] = connections(client, corpus)
                print(f"  {client.name}: cold and warm passes over {feeds} feeds", flush=True)
                measured[client.name] = run_passes(client, corpus, urls)
            except ClientFailed as exc:
                if client.name == "sitrep ingest" and exc.run.returncode == WORKER_SKIPPED:
                    results.skip("sitrep ingest", json.loads(exc.run.stdout.strip().splitlines()[-1])["skipped"])
                    notes.pop("sitrep ingest network", None)
                else:
                    results.skip(client.name, str(exc))
        report(results, measured, feeds)
        results.note(feeds=feeds, items_per_feed=ITEMS_PER_FEED, corpus_mib=round(corpus.corpus_bytes / (1 << 20), 1),
                     concurrency=args.concurrency, **notes)


def report(results: Results, measured: dict[str, Passes], feeds: int) -> None:
    figures = (
        ("cold pass, wall time", "s", lambda p: p.cold.seconds),
        ("cold pass, CPU user+sys", "s", lambda p: p.cold.cpu_seconds),
        ("cold pass, peak RSS", "MiB", lambda p: p.cold.max_rss_mib),
        ("warm pass (304s), wall time", "s", lambda p: p.warm.seconds),
        ("warm pass (304s), CPU user+sys", "s", lambda p: p.warm.cpu_seconds),
    )
    ours = measured.get("sitrep ingest")
    peers = {name: p for name, p in measured.items() if name != "sitrep ingest"}
    for name, passes in measured.items():
        print(f"  {name}: cold {passes.cold_answers[200]}×200, {passes.cold_items} items kept; "
              f"warm {passes.warm_answers[304]}×304 (pass {passes.warm_attempt})", flush=True)
    for figure, unit, value in figures:
        label = f"{figure}, {feeds} feeds × {ITEMS_PER_FEED} items"
        if ours:
            results.compare(label, unit, value(ours), [(name, value(p)) for name, p in peers.items()],
                            higher_is_better=False, ours_label="Fetcher + process_document",
                            detail={name: detail(p) for name, p in measured.items()})
        else:
            for name, passes in peers.items():
                results.measure(label, unit, value(passes), name, detail(passes))


def detail(passes: Passes) -> dict:
    return {"items_kept": passes.cold_items, "cold_answers": dict(passes.cold_answers),
            "warm_answers": dict(passes.warm_answers), "warm_pass": passes.warm_attempt}


def parser() -> argparse.ArgumentParser:
    p = arguments(__doc__.split("\n\n")[0], repeat=1)
    p.add_argument("--feeds", type=int, help="number of feeds (default 100 quick, 1000 full)")
    p.add_argument("--concurrency", type=int, default=8, help="our fetches at a time, and newsboat's reload-threads")
    p.add_argument("--ours-checkout", default=os.environ.get("SITREP_BENCH_INGEST_CHECKOUT", str(REPO)),
                   help="the checkout whose services.ingest is measured (env SITREP_BENCH_INGEST_CHECKOUT)")
    return p


if __name__ == "__main__":
    raise SystemExit(main(BENCH, STAGE, run, parser().parse_args()))
