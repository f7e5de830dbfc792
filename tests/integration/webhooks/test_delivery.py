"""The delivery queue and worker against a real PostgreSQL and a local receiver."""

from __future__ import annotations

import asyncio
from collections import Counter

from standardwebhooks.webhooks import Webhook

from services.alerts.settings import AlertsSettings
from shared.readmodel.deliveries.commands import redeliver, redeliver_dead_lettered
from shared.webhooks.queue import queue_depth
from tools.feed_server import FeedServer, Response
from tools.webhook_fixtures import FAST, database, observe_and_queue, rows, run_workers_until, subscribe

OK = Response(204)


async def test_one_alert_per_subscription_and_claim(database_url):
    async with database(database_url) as db:
        first, _ = await subscribe(db, "http://127.0.0.1:9/a")
        second, _ = await subscribe(db, "http://127.0.0.1:9/b", kinds=["casualty"])
        await subscribe(db, "http://127.0.0.1:9/c", kinds=["ceasefire"])
        assert len(await observe_and_queue(db, "c1")) == 2
        corroborated = await observe_and_queue(db, "c2", novelty="corroborated")
        assert corroborated == []
        from services.alerts.alerting import queue_alerts
        from shared.events import Event
        from tools.observations import observation

        async with db.transaction() as uow:
            await uow.lock()
            again = await queue_alerts(uow, Event.new(observation(claim_id="c1"), stream_id="claim-c1", source="t"),
                                       observation(claim_id="c1"), api_url="http://x")
        assert again == []
        queued = await rows(db, "SELECT subscription_id, claim_id, status, message_id FROM deliveries ORDER BY subscription_id")
        assert sorted((r.subscription_id, r.claim_id) for r in queued) == sorted([(first, "c1"), (second, "c1")])
        assert all(r.status == "pending" and r.message_id.startswith("msg_") for r in queued)
        assert await queue_depth(db.engine) == 2


async def test_two_workers_share_the_queue_and_never_send_a_message_twice(database_url):
    with FeedServer() as receiver:
        receiver.route("/a", Response(200, delay=0.02))
        receiver.route("/b", Response(200, delay=0.02))
        async with database(database_url) as db:
            await subscribe(db, receiver.url("/a"))
            await subscribe(db, receiver.url("/b"))
            for n in range(30):
                await observe_and_queue(db, f"c{n}")

            async def all_delivered() -> bool:
                [(left,)] = await rows(db, "SELECT count(*) FROM deliveries WHERE status <> 'delivered'")
                return left == 0

            await run_workers_until([database_url, database_url], all_delivered)
            sent = Counter(r.headers["webhook-id"] for r in receiver.requests)
            assert len(sent) == 60 and set(sent.values()) == {1}
            attempts = await rows(db, "SELECT delivery_id, count(*) FROM delivery_attempts GROUP BY delivery_id")
            assert len(attempts) == 60 and {n for _, n in attempts} == {1}


async def test_a_receiver_failing_twice_gets_the_same_signed_message_three_times(database_url):
    with FeedServer() as receiver:
        receiver.route("/hook", [Response(500), Response(503, {"Retry-After": "0"}), Response(200)])
        async with database(database_url) as db:
            _, secret = await subscribe(db, receiver.url("/hook"))
            [delivery_id] = await observe_and_queue(db, "c1")

            async def delivered() -> bool:
                return (await rows(db, "SELECT status FROM deliveries"))[0].status == "delivered"

            await run_workers_until([database_url], delivered)
            requests = receiver.requests_for("/hook")
            assert len(requests) == 3
            assert len({r.headers["webhook-id"] for r in requests}) == 1
            assert len({r.body for r in requests}) == 1
            for request in requests:
                payload = Webhook(secret).verify(request.body, request.headers)
                assert payload["data"]["ids"]["delivery_id"] == delivery_id
            attempts = await rows(db, "SELECT attempt, status_code, outcome FROM delivery_attempts ORDER BY attempt")
            assert [tuple(a) for a in attempts] == [(1, 500, "retrying"), (2, 503, "retrying"), (3, 200, "delivered")]
            types = [r.type for r in await rows(db, "SELECT type FROM events WHERE stream_id = :s ORDER BY position",
                                                 s=f"delivery-{delivery_id}")]
            assert types == ["alert.queued", "webhook.attempted", "webhook.attempted", "webhook.attempted",
                             "webhook.delivered"]

            async with db.transaction() as uow:  # an operator replays one delivered message
                await redeliver(uow, delivery_id, "receiver lost it")
            await run_workers_until([database_url], delivered)
            assert len(receiver.requests_for("/hook")) == 4
            assert receiver.requests_for("/hook")[-1].headers["webhook-id"] == requests[0].headers["webhook-id"]
            [attempts] = await rows(db, "SELECT attempts FROM deliveries")
            assert attempts == (4,)


async def test_an_always_failing_receiver_is_dead_lettered_then_redelivered(database_url):
    with FeedServer() as receiver:
        receiver.route("/hook", Response(500))
        async with database(database_url) as db:
            await subscribe(db, receiver.url("/hook"))
            await observe_and_queue(db, "c1")

            async def status_is(wanted: str):
                async def check() -> bool:
                    return (await rows(db, "SELECT status FROM deliveries"))[0].status == wanted
                return check

            await run_workers_until([database_url], await status_is("dead_lettered"))
            assert len(receiver.requests_for("/hook")) == 3  # the FAST schedule has three attempts
            [dead] = await rows(db, "SELECT attempts, last_error FROM deliveries")
            assert dead.attempts == 3 and dead.last_error == "HTTP 500"

            receiver.route("/hook", Response(200))
            async with db.transaction() as uow:
                assert len(await redeliver_dead_lettered(uow)) == 1
            await run_workers_until([database_url], await status_is("delivered"))
            ids = {r.headers["webhook-id"] for r in receiver.requests_for("/hook")}
            assert len(receiver.requests_for("/hook")) == 4 and len(ids) == 1


async def test_gone_disables_the_subscription_and_redirects_are_not_followed(database_url):
    with FeedServer() as receiver:
        receiver.route("/gone", Response(410))
        receiver.route("/moved", Response(302, {"Location": receiver.url("/elsewhere")}))
        receiver.route("/elsewhere", Response(200))
        async with database(database_url) as db:
            gone, _ = await subscribe(db, receiver.url("/gone"))
            await subscribe(db, receiver.url("/moved"))
            await observe_and_queue(db, "c1")

            async def settled() -> bool:
                return all(r.status == "dead_lettered" for r in await rows(db, "SELECT status FROM deliveries"))

            await run_workers_until([database_url], settled)
            [sub] = await rows(db, "SELECT enabled, disabled_reason FROM subscriptions WHERE subscription_id = :s", s=gone)
            assert not sub.enabled and "410" in sub.disabled_reason
            assert receiver.requests_for("/elsewhere") == []
            errors = {r.last_error for r in await rows(db, "SELECT last_error FROM deliveries")}
            assert any("not followed" in e for e in errors)


async def test_retry_after_is_honoured(database_url):
    with FeedServer() as receiver:
        receiver.route("/hook", [Response(429, {"Retry-After": "2"}), Response(200)])
        async with database(database_url) as db:
            await subscribe(db, receiver.url("/hook"))
            await observe_and_queue(db, "c1")

            async def delivered() -> bool:
                return (await rows(db, "SELECT status FROM deliveries"))[0].status == "delivered"

            await run_workers_until([database_url], delivered)
            [(gap,)] = await rows(db, "SELECT max(attempted_at) - min(attempted_at) FROM delivery_attempts")
            assert gap.total_seconds() >= 1.9


async def test_a_dead_endpoint_does_not_delay_the_others(database_url):
    config = AlertsSettings(**{**FAST.model_dump(), "webhook_timeout_s": 1.0, "webhook_breaker_failures": 2,
                               "webhook_retry_schedule": "0,100ms,100ms,100ms,100ms,100ms"})
    with FeedServer() as receiver:
        receiver.route("/slow", Response(200, delay=5))
        receiver.route("/fast", Response(200))
        async with database(database_url) as db:
            await subscribe(db, receiver.url("/slow"))
            await subscribe(db, receiver.url("/fast"))
            for n in range(12):
                await observe_and_queue(db, f"c{n}")

            async def fast_done() -> bool:
                [(left,)] = await rows(db, "SELECT count(*) FROM deliveries d JOIN subscriptions s USING (subscription_id) "
                                           "WHERE s.url LIKE '%/fast' AND d.status <> 'delivered'")
                return left == 0

            started = asyncio.get_running_loop().time()
            await run_workers_until([database_url], fast_done, config=config, timeout=10)
            assert asyncio.get_running_loop().time() - started < 3
            slow = receiver.requests_for("/slow")
            # at most the per-endpoint limit at once, then the open circuit holds the rest back
            assert len(slow) <= config.webhook_concurrency_per_endpoint + 1
