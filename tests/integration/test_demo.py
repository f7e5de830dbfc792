"""`make demo` on a short corpus: items released over seconds, one source down for the first of
them, over the real Kafka and PostgreSQL; each alert reaches the local receiver signed and is
printed as one line."""

from __future__ import annotations

import asyncio
import io
import re
from dataclasses import replace

from services.alerts.bootstrap import main as alerts_main
from services.dedupe.bootstrap import main as dedupe_main
from services.ingest.bootstrap import main as ingest_main
from tests.support.services import running
from tools.demo.corpus import load
from tools.demo.receiver import AlertReceiver
from tools.demo.runner import print_alerts, register
from tools.demo.schedule import Outage, taking_turns
from tools.demo.server import DemoServer

LINE = re.compile(r"^\d\d:\d\d:\d\d  .+ → .+  \S.*  new  Ministry of Defence of (Armenia \(en\)|Azerbaijan \(az\))$")


async def test_the_demo_prints_each_alert_as_a_line_and_survives_a_failing_source(settings):
    settings = settings.model_copy(update={"allow_private_networks": True})
    feeds = [replace(feed, items=feed.items[:2]) for feed in load(("mod-armenia-en", "mod-azerbaijan"))]
    schedule = taking_turns({feed.name: len(feed.items) for feed in feeds}, 6, (Outage("mod-azerbaijan", 0, 4),))
    server, receiver = DemoServer(feeds, schedule).start(), AlertReceiver().start()
    out = io.StringIO()
    try:
        await register(settings.database_url, server, receiver)
        server.begin()
        async with running(settings, ingest_main, dedupe_main, alerts_main):
            lines = await asyncio.to_thread(
                print_alerts, receiver, out, notes=server.notes, timeout=50,
                until=lambda lines: any(line.endswith("Azerbaijan (az)") for line in lines))
    finally:
        server.stop()
        receiver.stop()
    assert any(line.endswith("Azerbaijan (az)") for line in lines), out.getvalue()
    assert any(LINE.match(line) and "Armenia (en)" in line for line in lines), out.getvalue()
    assert receiver.refused == 0
    statuses = server.statuses("mod-azerbaijan")
    assert statuses[0] == 500 and statuses[-1] == 200
    printed = out.getvalue()
    assert "(mod-azerbaijan answers HTTP 500 for a while)" in printed and "(mod-azerbaijan is back)" in printed
    assert printed.index("is back") < printed.index("Azerbaijan (az)")
