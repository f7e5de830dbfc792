"""The situation page in headless Chromium over the demo corpus (demo/corpus/, served as `make demo`
serves it, on `make demo`'s schedule compressed to seconds): ingest, dedupe and alerts run
in-process on the real Kafka and PostgreSQL; the page shows the side-by-side figures the pipeline
extracted, and claims the pipeline extracts after the page loaded arrive over the event stream.

The screenshots are kept in tests/artifacts/ (ignored by git): situation-demo-live.png as the page
stands once the corpus is through, with the claims that arrived live; situation-demo.png reloaded."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from services.alerts.bootstrap import main as alerts_main
from services.dedupe.bootstrap import main as dedupe_main
from services.ingest.bootstrap import main as ingest_main
from tests.support.chromium import chromium, chromium_path
from tests.support.services import running, wait_for
from tools.demo.corpus import load
from tools.demo.receiver import AlertReceiver
from tools.demo.runner import demo_schedule, register
from tools.demo.server import DemoServer

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SPAN_S = 20.0
"""The demo's 90 s of releases, in 20 s: the page loads while most items are still to come."""
pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium missing: make ensure-tools installs it")

TALLIED = """SELECT count(*) FROM claims WHERE conflict = 'armenia-azerbaijan' AND kind = 'casualty'
    AND claimant_party IS NOT NULL AND side IS NOT NULL AND NOT historical"""
TABLE = """(() => { const t = document.getElementById('side-by-side');
    return t && [...t.querySelectorAll('tr')].map(r => [...r.cells].map(c => c.innerText.trim())); })()"""
ARRIVED = """(() => [...document.querySelectorAll('#newest-claims li.arrived')]
    .map(li => ({id: li.dataset.claimId, text: li.innerText})))()"""


async def test_the_demo_corpus_through_the_pipeline_fills_the_page_and_claims_arrive_live(settings, server, keys):
    feeds = load()
    demo, receiver = DemoServer(feeds, demo_schedule(feeds, SPAN_S)).start(), AlertReceiver().start()
    started = time.monotonic()
    try:
        await register(settings.database_url, demo, receiver)
        demo.begin()
        async with running(settings, ingest_main, dedupe_main, alerts_main), chromium() as browser:
            await wait_for(TALLIED, lambda rows: rows[0][0] > 0, settings.database_url, timeout=60)
            page = await browser.new_page()
            await page.navigate(server + "/")
            mark = len(page.events)
            await page.evaluate(f"document.getElementById('key').value = {json.dumps(keys.read)};"
                                "document.querySelector('form#login').submit()")
            await page.wait_for_event("Page.loadEventFired", since=mark)
            await page.navigate(server + "/?conflict=armenia-azerbaijan")
            loaded_at = demo.elapsed

            table = await page.wait_until(TABLE)
            assert table[0][:2] == ["Losses of", "What"] and len(table) > 1, table
            assert {"Armenia claims", "Azerbaijan claims"} & set(table[0]), table
            assert any(any(cell[:1].isdigit() for cell in row[2:]) for row in table[1:]), table
            assert await page.wait_until("document.getElementById('live-status').textContent.startsWith('live')")
            rendered = await page.evaluate("[...document.querySelectorAll('#newest-claims li')].map(li => "
                                           "li.dataset.claimId)")

            arrived = await page.wait_until(ARRIVED, timeout=60)
            assert all(claim["id"] not in rendered for claim in arrived), (rendered, arrived)
            await asyncio.sleep(max(0.0, SPAN_S + 8 - demo.elapsed))  # the rest of the corpus
            arrived = await page.evaluate(ARRIVED)
            assert page.exceptions() == []
            live_shot = await page.screenshot(ARTIFACTS / "situation-demo-live.png")

            await page.navigate(server + "/?conflict=armenia-azerbaijan")  # the whole corpus, side by side
            full = await page.wait_until(TABLE)
            assert full[0] == ["Losses of", "What", "Armenia claims", "Azerbaijan claims"], full
            assert len(full) > len(table), (table, full)
            shot = await page.screenshot(ARTIFACTS / "situation-demo.png")
    finally:
        demo.stop()
        receiver.stop()
    print(f"\nscreenshots: {live_shot}, {shot}; page loaded {loaded_at:.1f} s into the corpus with "
          f"{len(table) - 1} rows, {len(arrived)} claims arrived live, {len(full) - 1} rows at the end; "
          f"{time.monotonic() - started:.0f} s in all")
    assert receiver.refused == 0
