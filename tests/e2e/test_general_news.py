"""A general-news feed — a Covid toll, a road crash, a jobs-lost headline and a war report, real
entries of tests/data/feeds/general (provenance there) — served locally and read through the real
Kafka broker and PostgreSQL: every claim is recorded with its context, and only the war report
alerts a subscription with the default filters."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from services.alerts.bootstrap import with_settings
from services.alerts.settings import AlertsSettings
from services.dedupe.bootstrap import main as dedupe_main
from services.ingest.bootstrap import main as ingest_main
from shared.events.feeds import FeedSettings
from shared.readmodel.feeds.commands import register_feed
from tests.e2e.test_webhooks import RSS, claims_in
from tests.support.services import running, wait_for
from tools.feed_entries import load_entries
from tools.feed_server import FeedServer, Response
from tools.webhook_fixtures import database, subscribe

ALERTS = AlertsSettings(webhook_retry_schedule="0,200ms", webhook_retry_jitter=0, webhook_poll_interval_s=0.05)
COVID, CRASH, JOBS, WAR = ("guardian-2020-11-10-096", "bbc-2020-10-13-022", "guardian-2020-10-06-031",
                           "guardian-2020-10-17-014")


def rss(entries: list[dict]) -> str:
    items = [
        f"<item><title>{escape(e['title'])}</title><link>http://127.0.0.1/{e['id']}</link><guid>{e['id']}</guid>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(e['published']))}</pubDate>"
        f"<description>{escape(e.get('text') or '')}</description></item>"
        for e in entries
    ]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>General news</title>'
            f"<link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>")


async def test_only_the_war_report_of_a_general_feed_alerts_a_default_subscription(settings):
    entries = {e["id"]: e for e in load_entries() if e["id"] in (COVID, CRASH, JOBS, WAR)}
    assert len(entries) == 4
    with FeedServer() as feeds, FeedServer() as receiver:
        feeds.route("/news.xml", Response(200, RSS, rss(list(entries.values()))))
        receiver.route("/default", Response(204))
        async with database(settings.database_url) as db:
            _, secret = await subscribe(db, receiver.url("/default"))
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(url=feeds.url("/news.xml"), owner="General news"))
            async with running(settings, ingest_main, dedupe_main, with_settings(ALERTS)):
                await wait_for("SELECT DISTINCT context FROM claims",
                               lambda rows: {"disease", "accident_disaster", "armed_conflict"} <= {r.context for r in rows},
                               settings.database_url)
                await wait_for("SELECT status FROM deliveries", lambda rows: rows and all(
                    r.status == "delivered" for r in rows), settings.database_url)
                received = claims_in(receiver.requests_for("/default"), secret)
                recorded = await wait_for("SELECT sentence, context FROM claims", bool, settings.database_url)

    assert received
    assert {d["claim"]["context"] for d in received} == {"armed_conflict"}
    assert {d["claim"]["conflict"] for d in received} == {"armenia-azerbaijan"}
    assert all("Ganja" in d["evidence"]["sentence"] or "Ganja" in d["evidence"]["title"] for d in received)
    assert not any("jobs" in row.sentence for row in recorded)
    assert {"disease", "accident_disaster"} <= {row.context for row in recorded}
