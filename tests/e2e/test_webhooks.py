"""The seed article, served in a local feed, reaches a subscriber's local receiver as signed
webhooks for its new claims, over the real Kafka broker and PostgreSQL; the same article in a
second feed only corroborates; retries keep the webhook-id; a dead receiver is dead-lettered
and can be redelivered."""

from __future__ import annotations

import time

import orjson
from prometheus_client import REGISTRY
from standardwebhooks.webhooks import Webhook

from services.alerts.bootstrap import with_settings
from services.alerts.settings import AlertsSettings
from services.dedupe.bootstrap import main as dedupe_main
from services.ingest.bootstrap import main as ingest_main
from shared.events.feeds import FeedSettings
from shared.readmodel.deliveries.commands import redeliver_dead_lettered
from shared.readmodel.feeds.commands import register_feed
from tests.e2e.test_walking_skeleton import seed_rss
from tests.support.services import running, wait_for
from tools.feed_server import FeedServer, Request, Response
from tools.webhook_fixtures import database, subscribe

ALERTS = AlertsSettings(webhook_retry_schedule="0,200ms,200ms", webhook_retry_jitter=0, webhook_poll_interval_s=0.05)
RSS = {"Content-Type": "application/rss+xml"}


def claims_in(requests: list[Request], secret: str) -> list[dict]:
    return [Webhook(secret).verify(r.body, r.headers)["data"] for r in requests]


async def test_seed_article_to_signed_webhooks(settings):
    arrivals: list[float] = []

    def ok(request: Request) -> Response:
        arrivals.append(time.monotonic())
        return Response(204)

    with FeedServer() as feeds, FeedServer() as receiver:
        feeds.route("/a.xml", Response(200, RSS, seed_rss()))
        receiver.route("/all", ok)
        receiver.route("/flaky", [Response(500), Response(502), Response(200)])
        receiver.route("/dead", Response(500))
        async with database(settings.database_url) as db:
            _, secret = await subscribe(db, receiver.url("/all"))
            _, flaky_secret = await subscribe(db, receiver.url("/flaky"), subjects=["helicopter"], kinds=["casualty"])
            await subscribe(db, receiver.url("/dead"), kinds=["ceasefire"], categories=["call"])
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(url=feeds.url("/a.xml"), owner="Seed news"))

            started = time.monotonic()
            async with running(settings, ingest_main, dedupe_main, with_settings(ALERTS)):
                await wait_for("SELECT status FROM deliveries", lambda rows: len(rows) >= 3 and all(
                    r.status in ("delivered", "dead_lettered") for r in rows), settings.database_url)
                await wait_for("SELECT 1 FROM deliveries d JOIN subscriptions s USING (subscription_id) "
                               "WHERE s.url LIKE '%/flaky' AND d.status = 'delivered'", bool, settings.database_url)
                first_arrival = arrivals[0] - started

                received = claims_in(receiver.requests_for("/all"), secret)
                subjects = {d["claim"]["subject"] for d in received if d["claim"]["kind"] == "casualty"}
                assert {"helicopter", "drone", "tank"} <= subjects
                assert any(d["claim"]["kind"] == "ceasefire" and d["claim"]["category"] == "call" for d in received)
                assert all(d["novelty"]["kind"] in ("new", "updated") for d in received)
                assert not any(d["claim"]["historical"] for d in received)
                sentences = " ".join(d["evidence"]["sentence"] for d in received)
                assert "1994" not in sentences and "2016" not in sentences
                helicopters = next(d for d in received if d["claim"]["subject"] == "helicopter")
                assert helicopters["claim"]["count"] == {"min": 4, "max": 4}
                assert "Nagorno-Karabakh defense agency" in helicopters["evidence"]["sentence"]
                assert helicopters["story"]["sources"][0]["url"] == "http://127.0.0.1/news/nagorno-karabakh"
                assert len(received) == len({r.headers["webhook-id"] for r in receiver.requests_for("/all")})

                flaky = receiver.requests_for("/flaky")
                assert len(flaky) == 3 and len({r.headers["webhook-id"] for r in flaky}) == 1
                assert [d["claim"]["subject"] for d in claims_in(flaky, flaky_secret)] == ["helicopter"] * 3

                [dead] = await wait_for("SELECT delivery_id, status, attempts FROM deliveries d JOIN subscriptions s "
                                        "USING (subscription_id) WHERE s.url LIKE '%/dead'",
                                        lambda rows: rows and rows[0].status == "dead_lettered", settings.database_url)
                assert dead.attempts == 3 and len(receiver.requests_for("/dead")) == 3
                dead_id = receiver.requests_for("/dead")[0].headers["webhook-id"]

                # The same article in a second feed: corroborations only, no new alert.
                alerts_before = len(receiver.requests_for("/all"))
                feeds.route("/b.xml", Response(200, RSS, seed_rss().replace("seed-000", "seed-000-b")))
                async with db.transaction() as uow:
                    await register_feed(uow, FeedSettings(url=feeds.url("/b.xml"), owner="Second outlet"))
                corroborated = await wait_for(
                    "SELECT count(*) FROM claim_observations WHERE novelty = 'corroborated'",
                    lambda rows: rows[0][0] >= 4, settings.database_url)
                await wait_for("SELECT count(*) FROM deliveries WHERE status = 'pending'", lambda rows: rows[0][0] == 0,
                               settings.database_url)
                assert len(receiver.requests_for("/all")) == alerts_before
                sources = await wait_for("SELECT subject, source_count FROM claims WHERE NOT historical",
                                         lambda rows: bool(rows), settings.database_url)
                assert {s.source_count for s in sources} == {2}, corroborated

                # The dead receiver comes back; the operator redelivers.
                receiver.route("/dead", Response(200))
                async with db.transaction() as uow:
                    assert await redeliver_dead_lettered(uow) == [dead.delivery_id]
                await wait_for("SELECT status FROM deliveries WHERE delivery_id = :d",
                               lambda rows: rows[0].status == "delivered", settings.database_url, d=dead.delivery_id)
                assert receiver.requests_for("/dead")[-1].headers["webhook-id"] == dead_id
                assert len(receiver.requests_for("/dead")) == 4

            latencies = await wait_for(
                "SELECT extract(epoch FROM delivered_at - claim_observed_at) FROM deliveries d "
                "JOIN subscriptions s USING (subscription_id) WHERE s.url LIKE '%/all'", bool, settings.database_url)
    worst = max(float(r[0]) for r in latencies)
    print(f"first webhook {first_arrival:.2f}s after start; claim to 2xx at most {worst:.3f}s")
    assert worst < 5, "a claim took more than seconds to reach its subscriber"
    assert orjson.loads(receiver.requests_for("/all")[0].body)["version"] == 1
    metric = REGISTRY.get_sample_value
    assert metric("sitrep_claims_observed_total", {"kind": "casualty", "novelty": "corroborated"}) >= 3
    assert metric("sitrep_claims_observed_total", {"kind": "casualty", "novelty": "historical"}) >= 1
    retrying = [s.value for m in REGISTRY.collect() if m.name == "sitrep_webhook_attempts" for s in m.samples
                if s.name.endswith("_total") and s.labels["outcome"] == "retrying"]
    assert sum(retrying) >= 4 and len(retrying) >= 2, "counted per subscription"
    assert metric("sitrep_webhook_dead_letters_total") >= 1 and metric("sitrep_alerts_queued_total") >= 7
    assert metric("sitrep_webhook_delivery_latency_seconds_count") >= len(latencies)
