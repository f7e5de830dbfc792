"""`sitrep claims watch`: what was observed since a moment, then each claim as it is recorded."""

from __future__ import annotations

import asyncio
import json
import subprocess
from datetime import UTC, datetime, timedelta

from shared.events.claims import CountRange
from tests.conftest import REPO
from tests.support.api_seed import add_claim
from tests.support.terminal import in_terminal
from tools.processes import SITREP


async def _line(stream, timeout: float = 20) -> str:
    return (await asyncio.wait_for(asyncio.to_thread(stream.readline), timeout)).strip()


async def test_watch_shows_the_backlog_then_live_claims(env, db):
    now = datetime.now(UTC)
    await add_claim(db, "early", now - timedelta(hours=2))
    await add_claim(db, "recent", now - timedelta(minutes=10), count=CountRange(min=3, max=3), subject="drone")
    watcher = subprocess.Popen([str(SITREP), "claims", "watch", "--since", "30m", "--kind", "casualty"], env=env,
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        backlog = json.loads(await _line(watcher.stdout))
        assert backlog["claim_id"] == "recent" and backlog["claim"]["subject"] == "drone"
        await add_claim(db, "truce", datetime.now(UTC), kind="ceasefire", category="call", subject=None, count=None)
        await add_claim(db, "live", datetime.now(UTC), category="killed", subject="soldier",
                        count=CountRange(min=5, max=5), claimant="Ministry of Defence of Armenia")
        live = json.loads(await _line(watcher.stdout))
        assert live["claim_id"] == "live" and live["novelty"] == "new" and live["position"] > backlog["position"]
    finally:
        watcher.terminate()
        watcher.wait(10)


async def test_watch_on_a_terminal_prints_one_readable_line_per_claim(env, db):
    await add_claim(db, "drones", datetime.now(UTC) - timedelta(minutes=1), category="downed", subject="drone",
                    count=CountRange(min=3, max=3), side="Azerbaijan", claimant="Ministry of Defence of Armenia",
                    evidence={"source_owner": "MoD AM"})
    watch = subprocess.list2cmdline([str(SITREP), "claims", "watch", "--since", "5m"])
    status, screen = await asyncio.to_thread(in_terminal, ["timeout", "-s", "INT", "4", "sh", "-c", watch], env, REPO)
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[0] == "watching claims as they are observed (Ctrl-C stops)"
    assert lines[1].split("  ", 1)[1].split() == ["new", "Ministry", "of", "Defence", "of", "Armenia", "→",
                                                  "Azerbaijan", "downed", "drone", "3", "(MoD", "AM)"]
    assert "Traceback" not in screen
