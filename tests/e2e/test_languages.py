"""A Russian and an Armenian statement, served in a local feed, each reach a subscriber as a
signed webhook whose claim has the right language, side and claimant's party, over the real
Kafka broker and PostgreSQL. The texts are real cases of tests/data/claims (their provenance is
there)."""

from __future__ import annotations

from datetime import UTC, datetime
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
from tools.claims_languages import cases
from tools.feed_server import FeedServer, Response
from tools.webhook_fixtures import database, subscribe

ALERTS = AlertsSettings(webhook_retry_schedule="0,200ms", webhook_retry_jitter=0, webhook_poll_interval_s=0.05)
STATEMENTS = {"ru": "ru-kommersant-2025-09-15-a", "hy": "hy-hetq-2021-11-16-twelve-captured"}


def case(language: str) -> dict:
    return next(found for found in cases(language) if found["id"] == STATEMENTS[language])


def rss() -> str:
    items = []
    for language in STATEMENTS:
        found = case(language)
        published = format_datetime(datetime.fromisoformat(found["published"]).replace(hour=9, tzinfo=UTC))
        items.append(f"<item><title></title><link>http://127.0.0.1/{found['id']}</link><guid>{found['id']}</guid>"
                     f"<pubDate>{published}</pubDate><description>{escape(found['text'])}</description></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>")


async def test_russian_and_armenian_statements_bring_webhooks_with_side_and_party(settings):
    with FeedServer() as feeds, FeedServer() as receiver:
        feeds.route("/wire.xml", Response(200, RSS, rss()))
        receiver.route("/all", Response(204))
        async with database(settings.database_url) as db:
            _, secret = await subscribe(db, receiver.url("/all"), kinds=["casualty"])
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(url=feeds.url("/wire.xml"), owner="Wire"))
            async with running(settings, ingest_main, dedupe_main, with_settings(ALERTS)):
                await wait_for("SELECT status FROM deliveries", lambda rows: len(rows) >= 2 and all(
                    r.status == "delivered" for r in rows), settings.database_url)
                received = claims_in(receiver.requests_for("/all"), secret)

    by_language = {d["claim"]["language"]: d["claim"] for d in received}
    russian, armenian = by_language["ru"], by_language["hy"]
    assert (russian["category"], russian["subject"], russian["count"]) == ("downed", "drone", {"min": 82, "max": 82})
    assert (russian["side"], russian["claimant_party"]) == ("Ukraine", "Russia")
    assert russian["claimant"] == "Ministry of Defence of Russia"
    assert (armenian["category"], armenian["subject"], armenian["count"]) == ("captured", "soldier", {"min": 12, "max": 12})
    assert (armenian["side"], armenian["claimant_party"]) == ("Armenia", "Armenia")
    assert all(d["novelty"]["kind"] == "new" for d in received)
