"""Every write needs an admin key; keys are kept only as hashes; text that is not Unicode is refused."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import text

from services.api.app import create_app
from shared.settings import Settings
from tests.integration.api.test_problems import LIST_FILTERS, assert_problem
from tests.support.api_app import asgi_client

FEED = {"url": "https://a.example/rss", "title": "MoD"}
WRITES = sorted(
    (method.upper(), path)
    for path, operations in create_app(Settings()).openapi()["paths"].items()
    for method in operations
    if method != "get"
)
NOT_UTF8 = ["%ED%A0%80", "a%ED%B0%80b", "%C0%AE", "%FF%FE", "%F0%28%8C%28", "%00", "x%00%ED%A0%80"]


async def event_count(db) -> int:
    async with db.engine.connect() as conn:
        return (await conn.execute(text("SELECT count(*) FROM events"))).scalar_one()


def test_the_writes_are_known():
    assert WRITES == [
        ("DELETE", "/v1/feeds/{feed_id}"),
        ("DELETE", "/v1/subscriptions/{subscription_id}"),
        ("PATCH", "/v1/feeds/{feed_id}"),
        ("PATCH", "/v1/subscriptions/{subscription_id}"),
        ("POST", "/v1/deliveries/{delivery_id}/redeliver"),
        ("POST", "/v1/feeds"),
        ("POST", "/v1/subscriptions"),
        ("POST", "/v1/subscriptions/{subscription_id}/redeliver-dead-lettered"),
        ("POST", "/v1/subscriptions/{subscription_id}/rotate-secret"),
        ("POST", "/v1/subscriptions/{subscription_id}/test"),
    ]


async def test_every_write_is_refused_without_an_admin_key(app, client, db, keys):
    created = await client.post("/v1/feeds", json=FEED, headers=keys.headers("admin"))
    feed_id = created.json()["feed_id"]
    before = await event_count(db)
    async with asgi_client(app) as anonymous:
        for method, path in WRITES:
            url = re.sub(r"\{\w+_id\}", feed_id, path)  # any id: the key is refused before the id is looked up
            body = {"json": {"title": "changed"}} if method == "PATCH" else {"json": FEED} if method == "POST" else {}
            assert_problem(await anonymous.request(method, url, **body), 401)
            assert_problem(await client.request(method, url, **body), 403)
            bad_key = {"Authorization": "Bearer sk_" + "x" * 43}
            assert_problem(await anonymous.request(method, url, headers=bad_key, **body), 401)
    assert await event_count(db) == before
    assert (await client.get(f"/v1/feeds/{feed_id}")).json()["title"] == "MoD"
    changed = await client.patch(f"/v1/feeds/{feed_id}", json={"title": "changed"}, headers=keys.headers("admin"))
    assert changed.status_code == 200, "the same request with an admin key is a valid one"


async def test_keys_are_stored_only_as_their_sha256(db, keys):
    async with db.engine.connect() as conn:
        stored = (await conn.execute(text("SELECT key_hash, key_prefix FROM api_keys ORDER BY name"))).all()
        tables = (await conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))).scalars()
        everything = " ".join([
            (await conn.execute(text(f'SELECT coalesce(string_agg(t::text, \' \'), \'\') FROM "{name}" t'))).scalar_one()
            for name in tables
        ])
    hashes = {row.key_hash for row in stored}
    for secret in (keys.admin, keys.read):
        assert hashlib.sha256(secret.encode()).hexdigest() in hashes
        assert secret not in everything and secret[10:] not in everything, "no table holds a secret"
    assert all(len(row.key_prefix) == 10 for row in stored), "only a short prefix, to tell keys apart"


@pytest.mark.parametrize("path", sorted(LIST_FILTERS))
async def test_invalid_utf8_lone_surrogates_and_nul_in_every_filter(client, path):
    for name in LIST_FILTERS[path]:
        for value in NOT_UTF8:
            response = await client.get(f"{path}?{name}={value}")
            assert response.status_code < 500, (name, value, response.text)
            if response.status_code != 200:
                assert response.headers["content-type"] == "application/problem+json"
            elif name not in ("format", "limit", "cursor"):
                assert response.json()["data"] == [], (name, value)


@pytest.mark.parametrize("field", ["title", "owner", "url", "config"])
@pytest.mark.parametrize("value", ['"\\ud800"', '"a\\udfffb"', '"\\u0000"'])
async def test_lone_surrogates_and_nul_in_a_body_are_a_422(client, db, keys, field, value):
    if field == "config":
        value = '{"k": ' + value + "}"
    elif field == "url":
        value = value.replace('"', '"https://a.example/', 1)
    body = '{"url": "https://b.example/rss", "' + field + '": ' + value + "}" if field != "url" else '{"url": ' + value + "}"
    before = await event_count(db)
    response = await client.post("/v1/feeds", content=body.encode(),
                                 headers={**keys.headers("admin"), "content-type": "application/json"})
    assert_problem(response, 422)
    assert await event_count(db) == before
