"""Writes with an `Idempotency-Key`: retried requests get the first answer and change nothing."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from shared.eventstore import events
from tests.support.api_seed import add_feed

FEED = {"url": "https://mod.example/rss", "title": "MoD"}


async def _count(db, event_type: str) -> int:
    async with db.engine.connect() as conn:
        return (await conn.execute(select(func.count()).where(events.c.type == event_type))).scalar_one()


def _admin(keys, key: str) -> dict[str, str]:
    return {**keys.headers("admin"), "Idempotency-Key": key}


async def test_same_key_and_body_replays_the_first_answer(client, db, keys):
    first = await client.post("/v1/feeds", json=FEED, headers=_admin(keys, "k-1"))
    assert first.status_code == 201
    again = await client.post("/v1/feeds", json={"title": "MoD", "url": FEED["url"]}, headers=_admin(keys, "k-1"))
    assert again.status_code == 201  # not 409: the same request, answered as the first time
    assert again.content == first.content
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert await _count(db, "feed.registered") == 1


async def test_same_key_with_another_body_is_refused(client, db, keys):
    assert (await client.post("/v1/feeds", json=FEED, headers=_admin(keys, "k-2"))).status_code == 201
    response = await client.post("/v1/feeds", json={**FEED, "title": "other"}, headers=_admin(keys, "k-2"))
    assert response.status_code == 422
    assert response.json()["type"] == "urn:sitrep:problem:idempotency-key-reused"
    assert await _count(db, "feed.registered") == 1


async def test_concurrent_copies_of_one_request_run_once(client, db, keys):
    responses = await asyncio.gather(
        *(client.post("/v1/feeds", json=FEED, headers=_admin(keys, "k-3")) for _ in range(5))
    )
    assert [r.status_code for r in responses] == [201] * 5
    assert len({r.json()["feed_id"] for r in responses}) == 1
    assert sum(r.headers.get("idempotent-replayed") == "true" for r in responses) == 4
    assert await _count(db, "feed.registered") == 1


async def test_a_delete_retried_with_its_key_answers_204_again(client, db, keys):
    feed_id = await add_feed(db, "https://a.example/rss")
    first = await client.delete(f"/v1/feeds/{feed_id}", headers=_admin(keys, "d-1"))
    again = await client.delete(f"/v1/feeds/{feed_id}", headers=_admin(keys, "d-1"))
    assert (first.status_code, again.status_code) == (204, 204)
    without_key = await client.delete(f"/v1/feeds/{feed_id}", headers=keys.headers("admin"))
    assert without_key.status_code == 404
    assert await _count(db, "feed.removed") == 1


async def test_a_failed_write_is_not_stored_and_may_be_retried(client, db, keys):
    taken = await add_feed(db, FEED["url"])
    assert (await client.post("/v1/feeds", json=FEED, headers=_admin(keys, "k-4"))).status_code == 409
    await client.delete(f"/v1/feeds/{taken}", headers=keys.headers("admin"))
    assert (await client.post("/v1/feeds", json=FEED, headers=_admin(keys, "k-4"))).status_code == 201


async def test_without_a_key_each_request_is_a_new_write(client, keys):
    assert (await client.post("/v1/feeds", json=FEED, headers=keys.headers("admin"))).status_code == 201
    assert (await client.post("/v1/feeds", json=FEED, headers=keys.headers("admin"))).status_code == 409


async def test_an_unusable_key_is_a_validation_problem(client, keys):
    response = await client.post("/v1/feeds", json=FEED, headers=_admin(keys, "x" * 300))
    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "header.Idempotency-Key"
