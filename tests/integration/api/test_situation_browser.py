"""The situation page in Debian's headless Chromium, against the API under uvicorn: the login, the
side-by-side table, a claim arriving live over the event stream (SSE), and hostile text from feeds
that never runs.

The screenshot is kept at tests/artifacts/situation-page.png (ignored by git)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support.api_seed import T0, add_claim
from tests.support.chromium import chromium, chromium_path
from tests.support.situation_seed import AM, HOSTILE_IMAGE, HOSTILE_LINK, HOSTILE_SCRIPT, seed_situation

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium missing: make ensure-tools installs it")

INJECTED = """(() => ({
  title: document.title,
  scripts: [...document.scripts].map(s => s.getAttribute("src")),
  images: document.images.length,
  handlers: [...document.querySelectorAll("*")].flatMap(e => e.getAttributeNames()).filter(n => n.startsWith("on")),
  links: [...document.links].map(a => a.href).filter(h => !/^https?:/.test(h)),
}))()"""


async def _add_live_claim(db) -> None:
    """Arrives after the page loaded: a hostile figure the page's script must add as text only."""
    evidence = {"published_at": T0 + timedelta(days=3), "source_owner": HOSTILE_IMAGE, "source_url": HOSTILE_LINK,
                "title": HOSTILE_SCRIPT, "sentence": "Live: " + HOSTILE_IMAGE + HOSTILE_SCRIPT}
    await add_claim(db, "live-tank", T0 + timedelta(days=3), evidence=evidence, side="Azerbaijan",
                    category="destroyed", subject="tank", count=None, basis="total", **AM)


async def test_the_page_in_a_browser_shows_the_figures_live_and_runs_nothing_from_feeds(server, keys, db):
    await seed_situation(db)
    async with chromium() as browser:
        page = await browser.new_page()
        await page.navigate(server + "/")
        assert await page.evaluate("!!document.querySelector('form#login')")
        assert await page.evaluate("document.querySelector('#side-by-side, #newest, #feed-health') === null")

        mark = len(page.events)
        await page.evaluate(f"document.getElementById('key').value = {json.dumps(keys.read)};"
                            "document.querySelector('form#login').submit()")
        await page.wait_for_event("Page.loadEventFired", since=mark)
        assert await page.evaluate("document.cookie") == ""  # HttpOnly: the page's scripts cannot read it

        table = await page.wait_until("""(() => { const t = document.getElementById('side-by-side');
            return t && [...t.querySelectorAll('tr')].map(r => [...r.cells].map(c => c.innerText.trim())); })()""")
        assert table[0] == ["Losses of", "What", "Armenia claims", "Azerbaijan claims"]
        soldiers = next(row for row in table if row[:2] == ["Armenia", "killed · soldier"])
        assert soldiers[2].startswith("40") and soldiers[3].startswith("160") and "+60" in soldiers[3]
        assert await page.wait_until("document.getElementById('live-status').textContent.startsWith('live')")

        await _add_live_claim(db)
        live = await page.wait_until("(() => { const li = document.querySelector('li[data-claim-id=\"live-tank\"]');"
                                     " return li && li.innerText; })()")
        assert "Live: " + HOSTILE_IMAGE + HOSTILE_SCRIPT in live  # shown as text, not parsed

        after = await page.evaluate(INJECTED)
        assert after["title"] == "sitrep — Armenia-Azerbaijan conflict (Nagorno-Karabakh)", after
        assert after["scripts"] == ["/static/situation.js"]
        assert after["images"] == 0 and after["handlers"] == [] and after["links"] == []
        assert page.exceptions() == []

        shot = await page.screenshot(ARTIFACTS / "situation-page.png")
        print(f"\nscreenshot: {shot}")

        # Were escaping to fail, the policy would still stop inline code: a handler added now does not run.
        await page.evaluate("""window.violations = [];
            document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective));
            document.body.insertAdjacentHTML('beforeend', '<img src="/static/none.png" onerror="document.title=1">')""")
        assert "script-src-attr" in await page.wait_until("violations.length && violations.join(' ')")
        assert await page.evaluate("document.title") == after["title"]
