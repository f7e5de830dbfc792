"""`/v1/feeds`: the registry read with fetch state, and writes that append registry events."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from shared.events.feeds import feed_stream
from shared.eventstore import EventStore
from shared.readmodel.feeds.tables import feed_fetch_state
from tests.support.api_seed import add_feed

NEW_FEED = {"url": "https://mod.example/rss", "kind": "rss", "country": "am", "language": "hy", "official": True}


async def _stream(db, feed_id: str) -> list:
    async with db.engine.connect() as conn:
        return await EventStore().read_stream(conn, feed_stream(feed_id))


async def test_list_and_get_show_the_fetch_state(client, db):
    feed_id = await add_feed(db, "https://a.example/rss", country="AM")
    other = await add_feed(db, "https://b.example/rss", kind="telegram", country="AZ")
    fetched = datetime(2020, 9, 27, 8, 0, tzinfo=UTC)
    async with db.engine.begin() as conn:
        await conn.execute(
            update(feed_fetch_state)
            .where(feed_fetch_state.c.feed_id == feed_id)
            .values(last_status="200", last_fetched_at=fetched, items_seen=7, consecutive_failures=0)
        )
    body = (await client.get("/v1/feeds")).json()
    assert [f["feed_id"] for f in body["data"]] == [feed_id, other]
    feed = (await client.get(f"/v1/feeds/{feed_id}")).json()
    assert feed["fetch_state"]["last_status"] == "200"
    assert feed["fetch_state"]["items_seen"] == 7
    assert feed["fetch_state"]["last_fetched_at"] == "2020-09-27T08:00:00Z"
    assert [f["feed_id"] for f in (await client.get("/v1/feeds", params={"kind": "telegram"})).json()["data"]] == [
        other
    ]
    assert [f["feed_id"] for f in (await client.get("/v1/feeds", params={"country": "am"})).json()["data"]] == [feed_id]


async def test_register_appends_an_event_and_answers_201(client, db, keys):
    response = await client.post("/v1/feeds", json=NEW_FEED, headers=keys.headers("admin"))
    assert response.status_code == 201, response.text
    feed = response.json()
    assert response.headers["location"] == f"/v1/feeds/{feed['feed_id']}"
    assert feed["country"] == "AM" and feed["official"] is True and feed["version"] == 1
    assert feed["fetch_state"]["healthy"] is True
    (event,) = await _stream(db, feed["feed_id"])
    assert event.type == "feed.registered" and event.data["settings"]["url"] == NEW_FEED["url"]
    assert (await client.get(f"/v1/feeds/{feed['feed_id']}")).json() == feed


async def test_registering_a_url_twice_is_a_conflict(client, keys):
    assert (await client.post("/v1/feeds", json=NEW_FEED, headers=keys.headers("admin"))).status_code == 201
    response = await client.post("/v1/feeds", json=NEW_FEED, headers=keys.headers("admin"))
    assert response.status_code == 409
    assert response.json()["type"] == "urn:sitrep:problem:feed-url-taken"


@pytest.mark.parametrize(
    "body, location",
    [
        ({"url": "ftp://mod.example/rss"}, "body.url"),
        ({"url": "https://a.example", "kind": "gopher"}, "body.kind"),
        ({"url": "https://a.example", "country": "ARM"}, "body.country"),
        ({"url": "https://a.example", "min_interval_s": 2**40}, "body.min_interval_s"),
        ({"url": "https://a.example", "min_interval_s": 600, "max_interval_s": 60}, "body"),
        ({"url": "https://a.example", "title": "a\x00b"}, "body.title"),
        ({"url": "https://a.example", "config": {"selector": "a\x00"}}, "body.config"),
        ({"url": "https://a.example", "config": {"weight": 1.5e55}}, "body.config"),
        ({"url": "https://a.example", "config": {"weight": [-(2**64)]}}, "body.config"),
        ({"url": "https://a.example", "surprise": 1}, "body.surprise"),
        ({}, "body.url"),
    ],
)
async def test_invalid_feeds_are_refused_with_the_field_named(client, keys, body, location):
    response = await client.post("/v1/feeds", json=body, headers=keys.headers("admin"))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert location in [error["location"] for error in response.json()["errors"]]


async def test_non_finite_numbers_in_config_are_refused(client, keys):
    body = b'{"url": "https://a.example", "config": {"weight": Infinity}}'
    response = await client.post(
        "/v1/feeds", content=body, headers={**keys.headers("admin"), "content-type": "application/json"}
    )
    assert response.status_code == 422


async def test_remove_appends_an_event_and_hides_the_feed_from_the_list(client, db, keys):
    feed_id = await add_feed(db, "https://a.example/rss")
    response = await client.delete(f"/v1/feeds/{feed_id}", params={"reason": "gone"}, headers=keys.headers("admin"))
    assert response.status_code == 204 and response.content == b""
    assert [e.type for e in await _stream(db, feed_id)] == ["feed.registered", "feed.removed"]
    assert (await _stream(db, feed_id))[1].data["reason"] == "gone"
    assert (await client.get("/v1/feeds")).json()["data"] == []
    listed = (await client.get("/v1/feeds", params={"include_removed": "true"})).json()["data"]
    assert [f["feed_id"] for f in listed] == [feed_id] and listed[0]["removed_at"] is not None
    again = await client.delete(f"/v1/feeds/{feed_id}", headers=keys.headers("admin"))
    assert again.status_code == 404


async def test_changing_an_unknown_feed_is_a_404(client, keys):
    response = await client.patch("/v1/feeds/nope", json={"title": "x"}, headers=keys.headers("admin"))
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_change_refuses_a_url_another_feed_has(client, db, keys):
    await add_feed(db, "https://a.example/rss")
    other = await add_feed(db, "https://b.example/rss")
    response = await client.patch(
        f"/v1/feeds/{other}", json={"url": "https://a.example/rss"}, headers=keys.headers("admin")
    )
    assert response.status_code == 409


async def test_change_refuses_null_for_a_required_setting(client, db, keys):
    feed_id = await add_feed(db, "https://a.example/rss")
    response = await client.patch(f"/v1/feeds/{feed_id}", json={"url": None}, headers=keys.headers("admin"))
    assert response.status_code == 422


async def test_change_appends_feed_updated_with_what_changed(client, db, keys):
    feed_id = await add_feed(db, "https://a.example/rss", title="old")
    response = await client.patch(
        f"/v1/feeds/{feed_id}",
        json={"title": "new", "max_interval_s": 900, "reason": "r"},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 200, response.text
    assert response.json()["title"] == "new" and response.json()["version"] == 2
    updated = (await _stream(db, feed_id))[-1]
    assert updated.type == "feed.updated"
    assert updated.data["changes"] == {"title": "new", "max_interval_s": 900} and updated.data["reason"] == "r"


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/rss", "http://[::ffff:127.0.0.1]/rss", "http://2130706433/rss", "http://0177.0.0.1/rss",
     "http://0.0.0.0/rss", "http://10.1.2.3/rss", "http://169.254.169.254/latest", "http://[fd00::1]/rss"],
)
async def test_literal_private_feed_urls_are_refused_at_registration(client, db, keys, url):
    admin = keys.headers("admin")
    response = await client.post("/v1/feeds", json={**NEW_FEED, "url": url}, headers=admin)
    assert response.status_code == 422, response.text
    assert response.json()["type"] == "urn:sitrep:problem:feed-url-refused"
    assert response.json()["errors"][0]["location"] == "body.url"
    feed_id = await add_feed(db, "https://a.example/rss")
    moved = await client.patch(f"/v1/feeds/{feed_id}", json={"url": url}, headers=admin)
    assert moved.status_code == 422, moved.text
    assert [e.type for e in await _stream(db, feed_id)] == ["feed.registered"]


async def test_private_feed_urls_are_accepted_when_the_operator_allows_them(app, client, keys):
    app.state.settings = app.state.settings.model_copy(update={"allow_private_networks": True})
    response = await client.post("/v1/feeds", json={**NEW_FEED, "url": "http://127.0.0.1:8080/rss"},
                                 headers=keys.headers("admin"))
    assert response.status_code == 201, response.text
