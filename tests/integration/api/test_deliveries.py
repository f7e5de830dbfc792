"""A subscription's deliveries with every attempt, and redelivery, with a real delivery worker
calling a local receiver."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import text

from tests.support.api_seed import T0, add_claim
from tools.feed_server import FeedServer, Response
from tools.webhook_fixtures import run_workers_until, subscribe


async def _statuses(db) -> set[str]:
    async with db.engine.connect() as conn:
        return {row.status for row in await conn.execute(text("SELECT status FROM deliveries"))}


async def _settled(db, status: str):
    async def check() -> bool:
        return await _statuses(db) == {status}

    return check


async def test_attempts_dead_letter_then_redeliver(client, db, keys, database_url):
    admin = keys.headers("admin")
    with FeedServer() as receiver:
        receiver.route("/hook", Response(500))
        subscription_id, _ = await subscribe(db, receiver.url("/hook"))
        [delivery_id] = await add_claim(db, "c1", T0, queue=True)
        await run_workers_until([database_url], await _settled(db, "dead_lettered"))

        page = (await client.get(f"/v1/subscriptions/{subscription_id}/deliveries")).json()
        [delivery] = page["data"]
        assert delivery["delivery_id"] == delivery_id and delivery["claim_id"] == "c1"
        assert delivery["status"] == "dead_lettered" and delivery["attempt_count"] == 3
        assert [a["status_code"] for a in delivery["attempts"]] == [500, 500, 500]
        assert [a["outcome"] for a in delivery["attempts"]] == ["retrying", "retrying", "dead_lettered"]
        assert all(a["latency_ms"] > 0 and a["url"] == receiver.url("/hook") for a in delivery["attempts"])
        detail = (await client.get(f"/v1/deliveries/{delivery_id}")).json()
        assert detail["payload"]["data"]["claim"]["id"] == "c1"
        assert {k: v for k, v in detail.items() if k != "payload"} == delivery

        refused = await client.post(f"/v1/deliveries/{delivery_id}/redeliver")
        assert refused.status_code == 403
        response = await client.post(f"/v1/deliveries/{delivery_id}/redeliver", params={"reason": "fixed"},
                                     headers={**admin, "Idempotency-Key": "again-1"})
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "pending" and response.json()["dead_lettered_at"] is None
        replayed = await client.post(f"/v1/deliveries/{delivery_id}/redeliver", params={"reason": "fixed"},
                                     headers={**admin, "Idempotency-Key": "again-1"})
        assert replayed.status_code == 202 and replayed.headers["idempotent-replayed"] == "true"
        pending = await client.post(f"/v1/deliveries/{delivery_id}/redeliver", headers=admin)
        assert pending.status_code == 409 and pending.json()["type"] == "urn:sitrep:problem:delivery-pending"

        receiver.route("/hook", Response(200))
        await run_workers_until([database_url], await _settled(db, "delivered"))
        message_ids = {request.headers["webhook-id"] for request in receiver.requests_for("/hook")}
        assert len(message_ids) == 1  # the redelivered message kept its webhook-id
        delivered = (await client.get(f"/v1/deliveries/{delivery_id}")).json()
        assert delivered["status"] == "delivered" and delivered["attempt_count"] == 4
        assert delivered["attempts"][-1]["status_code"] == 200
        listed = await client.get(f"/v1/subscriptions/{subscription_id}/deliveries", params={"status": "pending"})
        assert listed.json()["data"] == []

    async with db.engine.connect() as conn:
        types = [row.type for row in await conn.execute(text("SELECT type FROM events WHERE type LIKE 'webhook.%'"))]
    assert types.count("webhook.redelivery_requested") == 1


async def test_redeliver_every_dead_lettered_message_of_a_subscription(client, db, keys, database_url):
    admin = keys.headers("admin")
    with FeedServer() as receiver:
        receiver.route("/hook", Response(400))  # refused at once: dead-lettered after one attempt
        subscription_id, _ = await subscribe(db, receiver.url("/hook"))
        other, _ = await subscribe(db, receiver.url("/hook"))
        queued = [*await add_claim(db, "c1", T0, queue=True), *await add_claim(db, "c2", T0, queue=True)]
        await run_workers_until([database_url], await _settled(db, "dead_lettered"))

    response = await client.post(f"/v1/subscriptions/{subscription_id}/redeliver-dead-lettered", headers=admin)
    assert response.status_code == 200, response.text
    ids = response.json()["delivery_ids"]
    assert len(ids) == 2 and set(ids) <= set(queued)
    page = (await client.get(f"/v1/subscriptions/{subscription_id}/deliveries", params={"limit": 1})).json()
    assert page["data"][0]["status"] == "pending" and page["next"] is not None
    rest = (await client.get(f"/v1/subscriptions/{subscription_id}/deliveries",
                             params={"limit": 1, "cursor": page["next"]})).json()
    assert {page["data"][0]["delivery_id"], rest["data"][0]["delivery_id"]} == set(ids) and rest["next"] is None
    exported = (await client.get(f"/v1/subscriptions/{other}/deliveries", params={"format": "csv"})).text
    others = list(csv.DictReader(io.StringIO(exported)))
    assert [row["status"] for row in others] == ["dead_lettered", "dead_lettered"]
    assert json.loads(others[0]["attempts"])[0]["status_code"] == 400
    assert (await client.delete(f"/v1/subscriptions/{other}", headers=admin)).status_code == 204
    gone = await client.post(f"/v1/subscriptions/{other}/redeliver-dead-lettered", headers=admin)
    assert gone.status_code == 404  # a deleted subscription's messages would never be sent


async def test_unknown_deliveries_and_subscriptions_are_404_problems(client, keys):
    for response in [
        await client.get("/v1/deliveries/nope"),
        await client.post("/v1/deliveries/nope/redeliver", headers=keys.headers("admin")),
        await client.get("/v1/subscriptions/nope/deliveries"),
        await client.post("/v1/subscriptions/nope/redeliver-dead-lettered", headers=keys.headers("admin")),
    ]:
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
