"""Requests per second of the stories and claims lists and of a single story or claim, on this machine.

    .venv/bin/python bench/api_requests.py [--stories 2000] [--seconds 10] [--concurrency 16]

Creates a scratch database next to the one in SITREP_DATABASE_URL, migrates it, records stories
and their claims (one to three `claim.observed` each, some corroborated by a second outlet)
through the event log (so the projections are the real ones), starts `sitrep run api` on it in a
separate process, loads it with concurrent keep-alive clients, prints requests/s and latency
percentiles per endpoint, and drops the database. The client and the server share the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from services.api.keys import create_key  # noqa: E402
from shared.db import create_engine  # noqa: E402
from shared.events import Event  # noqa: E402
from shared.events.claims import ClaimFields, ClaimObserved, CountRange, Evidence, claim_stream  # noqa: E402
from shared.events.stories import StoryItem, StoryItemMerged, StoryStarted, story_stream  # noqa: E402
from shared.ids import new_id  # noqa: E402
from shared.migrate import upgrade  # noqa: E402
from shared.readmodel.projections import all_projections  # noqa: E402
from shared.settings import Settings  # noqa: E402
from shared.unit_of_work import Database  # noqa: E402

WORDS = "helicopters drones tanks ceasefire shelling Stepanakert Ganja ministry defence army civilians killed".split()
SOURCES = [(f"source-{n}", country) for n, country in enumerate(["AM", "AZ", "RU", "TR", "FR", "US"] * 3)]
CATEGORIES = ["killed", "wounded", "downed", "destroyed"]
SUBJECTS = ["soldier", "civilian", "tank", "drone", "helicopter"]


def _story_events(n: int, t0: datetime) -> tuple[str, str, list[Event]]:
    story_id = new_id()
    title = " ".join(random.sample(WORDS, 6))
    sources = random.sample(SOURCES, random.randint(1, 5))
    first_seen = t0 + timedelta(minutes=n)

    def item(source: str, country: str) -> StoryItem:
        return StoryItem(
            item_event_id=new_id(),
            item_stream_id=f"item-{new_id()}",
            source_id=source,
            source_country=country,
            url=f"https://news.example/{new_id()}",
            title=title,
            text=title,
            language="en",
            published_at=first_seen,
        )

    stream = story_stream(story_id)
    events = [
        Event.new(
            StoryStarted(story_id=story_id, item=item(*sources[0]), first_seen_at=first_seen),
            stream_id=stream,
            source="bench",
            subject=story_id,
        )
    ]
    for k, source in enumerate(sources[1:], start=2):
        merged = StoryItemMerged(
            story_id=story_id, item=item(*source), method="minhash", similarity=0.9, source_count=k
        )
        events.append(Event.new(merged, stream_id=stream, source="bench", subject=story_id))
    return story_id, stream, events


def _claim_events(story: StoryStarted, at: datetime) -> list[tuple[str, Event]]:
    """One to three claims read in the story's first item; one in three corroborated by a second outlet."""
    recorded = []
    for k in range(random.randint(1, 3)):
        claim_id = new_id()
        count = random.randint(1, 300)
        fields = ClaimFields(
            kind="casualty", category=random.choice(CATEGORIES), subject=random.choice(SUBJECTS),
            count=CountRange(min=count, max=count), side=random.choice(["Armenia", "Azerbaijan"]),
            claimant=random.choice(["Armenian MoD", "Azerbaijan's Defence Ministry"]),
        )
        sentence = f"{story.item.title} ({count})."
        observations = [("new", story.item.source_id, story.item.source_country)]
        if random.random() < 1 / 3:
            observations.append(("corroborated", "wire-1", "FR"))
        for n, (novelty, source, country) in enumerate(observations):
            evidence = Evidence(
                sentence=sentence, start=0, end=len(sentence), story_id=story.story_id,
                item_event_id=story.item.item_event_id, item_stream_id=story.item.item_stream_id, source_id=source,
                source_country=country, source_official=country in ("AM", "AZ"), title=story.item.title,
                language="en", published_at=story.item.published_at,
            )
            observed = ClaimObserved(
                claim_id=claim_id, novelty=novelty, identity_key=claim_id, series_key=claim_id, claim=fields,
                evidence=evidence,
            )
            stream = claim_stream(claim_id)
            at_n = at + timedelta(seconds=k, minutes=n)
            event = Event.new(observed, stream_id=stream, source="bench", subject=claim_id).replace(time=at_n)
            recorded.append((stream, event))
    return recorded


async def seed(url: str, stories: int) -> tuple[list[str], list[str], str]:
    """Returns the story ids, the claim ids and a read key."""
    db = Database(create_engine(Settings(database_url=url), pool_size=2), all_projections())
    ids: list[str] = []
    claim_ids: list[str] = []
    t0 = datetime(2020, 9, 27, tzinfo=UTC)
    try:
        for start in range(0, stories, 100):
            async with db.transaction() as uow:
                for n in range(start, min(start + 100, stories)):
                    story_id, stream, events = _story_events(n, t0)
                    await uow.record(stream, events)
                    ids.append(story_id)
                    started = events[0].payload()
                    for claim_stream_id, claim_event in _claim_events(started, started.first_seen_at):
                        await uow.record(claim_stream_id, [claim_event])
                        claim_ids.append(claim_event.subject)
        async with db.engine.begin() as conn:
            _, secret = await create_key(conn, "bench", "read")
    finally:
        await db.engine.dispose()
    return ids, sorted(set(claim_ids)), secret


async def load(
    base_url: str, key: str, paths: list[str], seconds: float, concurrency: int
) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {key}"}, limits=limits, timeout=30
    ) as client:

        async def worker(w: int) -> None:
            nonlocal errors
            n = w
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.get(paths[n % len(paths)])
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200
                n += concurrency

        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, latencies, errors


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    base = Settings().database_url
    name = f"sitrep_bench_{uuid.uuid4().hex[:8]}"
    admin_dsn = base.replace("postgresql+asyncpg://", "postgresql://")
    url = base.rsplit("/", 1)[0] + "/" + name
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    server = None
    try:
        await asyncio.to_thread(upgrade, url)
        print(f"seeding {args.stories} stories …", flush=True)
        ids, claim_ids, key = await seed(url, args.stories)
        print(f"… and {len(claim_ids)} claims", flush=True)
        env = {
            **os.environ,
            "SITREP_DATABASE_URL": url,
            "SITREP_API_PORT": str(args.port),
            "SITREP_API_RATE_LIMIT_PER_SECOND": "1000000",
            "SITREP_API_RATE_LIMIT_BURST": "1000000",
            "SITREP_LOG_LEVEL": "WARNING",
        }
        server = subprocess.Popen([sys.executable, "-m", "services.cli", "run", "api"], cwd=REPO, env=env)
        base_url = f"http://127.0.0.1:{args.port}"
        await _wait_ready(base_url)
        cases = {
            "GET /healthz (no database, no key)": ["/healthz"],
            "GET /v1/stories (50 per page)": ["/v1/stories?limit=50"],
            "GET /v1/stories?q=…&country=… (filtered)": [f"/v1/stories?q={w}&country=AM" for w in WORDS],
            "GET /v1/stories/{id} (with its claims)": [
                f"/v1/stories/{story_id}" for story_id in random.sample(ids, min(500, len(ids)))
            ],
            "GET /v1/claims (50 per page)": ["/v1/claims?limit=50"],
            "GET /v1/claims?kind=…&category=…&min_count=…": [
                f"/v1/claims?kind=casualty&category={c}&side=armenia&min_count=100" for c in CATEGORIES
            ],
            "GET /v1/claims/{id}": [f"/v1/claims/{claim_id}" for claim_id in random.sample(claim_ids, min(500, len(claim_ids)))],
        }
        print(f"{args.concurrency} concurrent clients, {args.seconds:.0f} s each, {os.cpu_count()} CPUs shared")
        print(f"{'endpoint':44} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'server CPU ms/req':>18} {'errors':>6}")
        for label, paths in cases.items():
            await load(base_url, key, paths, 1.0, args.concurrency)  # warm up
            cpu = _cpu_seconds(server.pid)
            rate, latencies, errors = await load(base_url, key, paths, args.seconds, args.concurrency)
            cpu_per_request = (_cpu_seconds(server.pid) - cpu) / len(latencies) * 1000
            print(
                f"{label:44} {rate:7.0f} {_percentile(latencies, 50):7.1f} {_percentile(latencies, 99):7.1f} "
                f"{cpu_per_request:18.2f} {errors:6d}",
                flush=True,
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait(15)
        await _drop(admin, name)
        await admin.close()


async def _drop(admin: asyncpg.Connection, name: str) -> None:
    """Retries while an autovacuum worker (another role) still works in the fresh database."""
    for attempt in range(20):
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except asyncpg.InsufficientPrivilegeError:
            await asyncio.sleep(0.5 * (attempt + 1))
    print(f"could not drop {name}; drop it by hand", file=sys.stderr)


async def _wait_ready(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(100):
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the API did not become ready")


if __name__ == "__main__":
    asyncio.run(main())
