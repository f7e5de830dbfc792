"""`/v1/subscriptions`: writes that append subscription events, the secret shown once, a signed
test ping, and SSRF checks of webhook URLs."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from standardwebhooks.webhooks import Webhook

from tools.feed_server import FeedServer, Response

HOOK = "http://127.0.0.1:9/hook"
NEW = {"url": HOOK, "description": "desk", "filters": {"kinds": ["casualty"], "sides": ["Armenia"], "min_count": 2}}


@pytest.fixture
def loopback(app) -> None:
    """Webhooks on 127.0.0.1 allowed, as an operator would with SITREP_ALLOW_PRIVATE_NETWORKS=true."""
    app.state.settings = app.state.settings.model_copy(update={"allow_private_networks": True})


@pytest.fixture
def admin(keys) -> dict[str, str]:
    return keys.headers("admin")


async def _log(db) -> list:
    async with db.engine.connect() as conn:
        return list(await conn.execute(text("SELECT type, data FROM events ORDER BY position")))


async def _create(client, admin, body=NEW, **headers) -> dict:
    response = await client.post("/v1/subscriptions", json=body, headers={**admin, **headers})
    assert response.status_code == 201, response.text
    return response.json()


async def test_create_shows_the_secret_once_and_keeps_it_out_of_the_log(client, db, admin, loopback):
    response = await client.post("/v1/subscriptions", json=NEW, headers=admin)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["secret"].startswith("whsec_") and created["key_id"].startswith("key_")
    assert response.headers["location"] == f"/v1/subscriptions/{created['subscription_id']}"
    assert created["filters"]["sides"] == ["Armenia"] and created["filters"]["novelty"] == ["new", "updated"]
    shown = (await client.get(f"/v1/subscriptions/{created['subscription_id']}")).json()
    assert shown == {k: v for k, v in created.items() if k != "secret"}
    listed = await client.get("/v1/subscriptions")
    assert [s["subscription_id"] for s in listed.json()["data"]] == [created["subscription_id"]]
    exported = await client.get("/v1/subscriptions", params={"format": "ndjson"})
    [(event_type, data)] = await _log(db)
    assert event_type == "subscription.created" and data["key_id"] == created["key_id"]
    for where in (listed.text, exported.text, str(data)):
        assert created["secret"] not in where and "whsec_" not in where


async def test_a_retried_create_replays_without_the_secret(client, db, admin, loopback):
    first = await _create(client, admin, **{"Idempotency-Key": "sub-1"})
    again = await client.post("/v1/subscriptions", json=NEW, headers={**admin, "Idempotency-Key": "sub-1"})
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == {**first, "secret": None}
    assert [t for t, _ in await _log(db)] == ["subscription.created"]
    async with db.engine.connect() as conn:
        stored = (await conn.execute(text("SELECT body FROM idempotency_keys"))).scalar_one()
    assert b"whsec_" not in stored


async def test_reads_need_a_key_and_writes_an_admin_key(client, keys, loopback):
    refused = await client.post("/v1/subscriptions", json=NEW)  # the client's default key reads only
    assert refused.status_code == 403 and refused.headers["content-type"] == "application/problem+json"
    anonymous = await client.get("/v1/subscriptions", headers={"Authorization": ""})
    assert anonymous.status_code == 401
    created = await _create(client, keys.headers("admin"))
    sub = f"/v1/subscriptions/{created['subscription_id']}"
    for method, path in [("PATCH", sub), ("DELETE", sub), ("POST", f"{sub}/rotate-secret"), ("POST", f"{sub}/test"),
                         ("POST", f"{sub}/redeliver-dead-lettered")]:
        response = await client.request(method, path, json={} if method == "PATCH" else None)
        assert response.status_code == 403, (method, path)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/hook", "http://10.0.0.1/hook", "http://169.254.169.254/x",
                                 "http://no-such-host.invalid/hook"])
async def test_private_and_unknown_webhook_urls_are_refused(client, db, admin, url):
    response = await client.post("/v1/subscriptions", json={"url": url}, headers=admin)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"] == "urn:sitrep:problem:webhook-url-refused"
    assert problem["errors"][0]["location"] == "body.url"
    assert await _log(db) == []


async def test_metadata_addresses_stay_refused_when_private_networks_are_allowed(client, admin, loopback):
    response = await client.post("/v1/subscriptions", json={"url": "http://169.254.169.254/latest"}, headers=admin)
    assert response.status_code == 422


@pytest.mark.parametrize(
    "body, location",
    [
        ({"url": "ftp://desk.example/hook"}, "body.url"),
        ({"url": HOOK, "filters": {"kinds": ["rumour"]}}, "body.filters.kinds.0"),
        ({"url": HOOK, "filters": {"categories": ["sneezed"]}}, "body.filters.categories.0"),
        ({"url": HOOK, "filters": {"novelty": []}}, "body.filters.novelty"),
        ({"url": HOOK, "filters": {"sides": ["a\x00"]}}, "body.filters.sides.0"),
        ({"url": HOOK, "filters": {"min_count": -1}}, "body.filters.min_count"),
        ({"url": HOOK, "secret": "mine"}, "body.secret"),
    ],
)
async def test_invalid_subscriptions_are_refused_with_the_field_named(client, admin, loopback, body, location):
    response = await client.post("/v1/subscriptions", json=body, headers=admin)
    assert response.status_code == 422, response.text
    assert location in [error["location"] for error in response.json()["errors"]]


async def test_patch_merges_filters_and_appends_what_changed(client, db, admin, loopback):
    created = await _create(client, admin)
    sub = f"/v1/subscriptions/{created['subscription_id']}"
    response = await client.patch(sub, json={"filters": {"novelty": ["new", "corroborated"]}, "enabled": False,
                                             "reason": "quiet week"}, headers=admin)
    assert response.status_code == 200, response.text
    changed = response.json()
    assert changed["filters"]["novelty"] == ["new", "corroborated"] and changed["filters"]["sides"] == ["Armenia"]
    assert changed["enabled"] is False and changed["disabled_reason"] == "quiet week" and changed["version"] == 2
    _, data = (await _log(db))[-1]
    assert set(data["changes"]) == {"filters", "enabled"} and data["reason"] == "quiet week"
    same = await client.patch(sub, json={"enabled": False}, headers=admin)
    assert same.status_code == 200 and same.json()["version"] == 2  # nothing changed, nothing appended
    assert (await client.patch(sub, json={"url": None}, headers=admin)).status_code == 422
    assert (await client.patch("/v1/subscriptions/nope", json={}, headers=admin)).status_code == 404


async def test_patch_checks_a_new_url(client, admin, loopback, app):
    created = await _create(client, admin)
    app.state.settings = app.state.settings.model_copy(update={"allow_private_networks": False})
    response = await client.patch(f"/v1/subscriptions/{created['subscription_id']}",
                                  json={"url": "http://10.0.0.1/hook"}, headers=admin)
    assert response.status_code == 422 and response.json()["type"] == "urn:sitrep:problem:webhook-url-refused"


async def test_delete_hides_it_from_the_list_and_keeps_it_readable(client, db, admin, loopback):
    created = await _create(client, admin)
    sub = f"/v1/subscriptions/{created['subscription_id']}"
    response = await client.delete(sub, params={"reason": "desk closed"}, headers={**admin, "Idempotency-Key": "d"})
    assert response.status_code == 204
    again = await client.delete(sub, params={"reason": "desk closed"}, headers={**admin, "Idempotency-Key": "d"})
    assert again.status_code == 204 and again.headers["idempotent-replayed"] == "true"
    assert (await client.delete(sub, headers=admin)).status_code == 404
    assert (await client.get("/v1/subscriptions")).json()["data"] == []
    assert len((await client.get("/v1/subscriptions", params={"include_deleted": "true"})).json()["data"]) == 1
    assert (await client.get(sub)).json()["deleted_at"] is not None
    assert [t for t, _ in await _log(db)] == ["subscription.created", "subscription.deleted"]


async def test_ping_is_signed_and_rotation_signs_with_both_secrets(client, db, admin, loopback):
    with FeedServer() as receiver:
        receiver.route("/hook", Response(200))
        created = await _create(client, admin, {"url": receiver.url("/hook")})
        sub = f"/v1/subscriptions/{created['subscription_id']}"
        ping = await client.post(f"{sub}/test", headers=admin)
        assert ping.status_code == 200, ping.text
        assert ping.json()["delivered"] is True and ping.json()["status_code"] == 200
        assert ping.json()["latency_ms"] > 0
        [request] = receiver.requests_for("/hook")
        assert Webhook(created["secret"]).verify(request.body, request.headers)["type"] == "ping"

        rotated = await client.post(f"{sub}/rotate-secret", json={"overlap_s": 3600},
                                    headers={**admin, "Idempotency-Key": "r"})
        assert rotated.status_code == 200, rotated.text
        new = rotated.json()
        assert new["secret"].startswith("whsec_") and new["secret"] != created["secret"] and new["overlap_s"] == 3600
        replay = await client.post(f"{sub}/rotate-secret", json={"overlap_s": 3600},
                                   headers={**admin, "Idempotency-Key": "r"})
        assert replay.json() == {**new, "secret": None}
        assert (await client.get(sub)).json()["key_id"] == new["key_id"]

        await client.post(f"{sub}/test", headers=admin)
        latest = receiver.requests_for("/hook")[-1]
        Webhook(created["secret"]).verify(latest.body, latest.headers)
        Webhook(new["secret"]).verify(latest.body, latest.headers)
    log = " ".join(str(data) for _, data in await _log(db))
    assert created["secret"] not in log and new["secret"] not in log
    assert [t for t, _ in await _log(db)] == ["subscription.created", "subscription.secret_rotated"]


async def test_a_failing_ping_says_what_the_receiver_answered(client, admin, loopback):
    with FeedServer() as receiver:
        receiver.route("/hook", Response(503))
        created = await _create(client, admin, {"url": receiver.url("/hook")})
        ping = (await client.post(f"/v1/subscriptions/{created['subscription_id']}/test", headers=admin)).json()
    assert ping["delivered"] is False and ping["status_code"] == 503
    assert (await client.post("/v1/subscriptions/nope/test", headers=admin)).status_code == 404
