"""`GET /v1/stories` and `GET /v1/stories/{id}` over the projections dedupe's events build."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from tests.support.api_seed import T0, add_feed, add_story


@pytest.fixture
async def world(db) -> dict[str, str]:
    """Three stories over three days from Armenian, Azerbaijani and Russian sources."""
    am = await add_feed(db, "https://mod.am.example/rss", country="AM", language="hy", official=True, title="MoD AM")
    az = await add_feed(db, "https://mod.az.example/rss", country="AZ", language="az", official=True)
    ru = await add_feed(db, "https://news.ru.example/rss", country="RU", language="ru")
    return {
        "am": am,
        "az": az,
        "ru": ru,
        "helicopters": await add_story(db, "Four helicopters downed", [(am, "AM"), (az, "AZ"), (am, "AM")], T0),
        "ceasefire": await add_story(
            db, "Germany and France call for a ceasefire", [(ru, "RU")], T0 + timedelta(days=1)
        ),
        "russian": await add_story(
            db, "Прекращение огня 100% нарушено", [(ru, "RU"), (az, "AZ")], T0 + timedelta(days=2), "ru"
        ),
    }


async def _ids(client, **params) -> list[str]:
    response = await client.get("/v1/stories", params=params)
    assert response.status_code == 200, response.text
    return [story["story_id"] for story in response.json()["data"]]


async def test_newest_first_with_counts(client, world):
    body = (await client.get("/v1/stories")).json()
    assert [s["story_id"] for s in body["data"]] == [world["russian"], world["ceasefire"], world["helicopters"]]
    helicopters = body["data"][2]
    assert helicopters["item_count"] == 3
    assert helicopters["corroboration_count"] == 2  # two distinct sources
    assert helicopters["first_seen_at"] == "2020-09-27T08:00:00Z"


async def test_filters(client, world):
    assert await _ids(client, country="AZ") == [world["russian"], world["helicopters"]]
    assert await _ids(client, country="az") == [world["russian"], world["helicopters"]]
    assert await _ids(client, source=world["ru"]) == [world["russian"], world["ceasefire"]]
    assert await _ids(client, language="ru") == [world["russian"]]
    assert await _ids(client, since=(T0 + timedelta(days=1)).isoformat()) == [world["russian"], world["ceasefire"]]
    assert await _ids(client, until=(T0 + timedelta(days=1)).isoformat()) == [world["helicopters"]]
    assert await _ids(client, country="RU", since=(T0 + timedelta(days=2)).isoformat()) == [world["russian"]]


async def test_text_search_is_a_case_insensitive_substring_with_wildcards_escaped(client, world):
    assert await _ids(client, q="HELICOPTER") == [world["helicopters"]]
    assert await _ids(client, q="огня") == [world["russian"]]
    assert await _ids(client, q="ceasefire") == [world["ceasefire"]]
    assert await _ids(client, q="100%") == [world["russian"]]
    assert await _ids(client, q="%") == [world["russian"]]  # a literal percent sign, not "anything"
    assert await _ids(client, q="_") == []
    assert await _ids(client, q="Four%downed") == []


async def test_pages_by_cursor(client, world):
    first = (await client.get("/v1/stories", params={"limit": 2})).json()
    second = (await client.get("/v1/stories", params={"limit": 2, "cursor": first["next"]})).json()
    assert [s["story_id"] for s in first["data"] + second["data"]] == [
        world["russian"],
        world["ceasefire"],
        world["helicopters"],
    ]
    assert second["next"] is None


async def test_a_story_with_its_items_and_sources(client, world):
    response = await client.get(f"/v1/stories/{world['helicopters']}")
    assert response.status_code == 200
    story = response.json()
    assert story["title"] == "Four helicopters downed"
    assert story["corroboration_count"] == 2
    assert [item["source_id"] for item in story["items"]] == [world["am"], world["az"], world["am"]]
    assert story["items"][0]["method"] is None and story["items"][1]["method"] == "minhash"
    sources = {source["source_id"]: source for source in story["sources"]}
    assert set(sources) == {world["am"], world["az"]}
    assert sources[world["am"]]["item_count"] == 2
    assert sources[world["am"]]["title"] == "MoD AM" and sources[world["am"]]["official"] is True
    assert sources[world["am"]]["country"] == "AM"
    assert [s["source_id"] for s in story["sources"]] == [world["am"], world["az"]]  # in order of first appearance


async def test_unknown_story_is_a_404_problem(client, world):
    response = await client.get("/v1/stories/no-such-story")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Not Found"


async def test_exports(client, world):
    response = await client.get("/v1/stories", params={"format": "csv", "country": "RU", "limit": 1})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["story_id"] for row in rows] == [world["russian"], world["ceasefire"]]
    assert rows[0]["title"] == "Прекращение огня 100% нарушено"
    assert rows[0]["corroboration_count"] == "2"
    response = await client.get("/v1/stories", params={"format": "ndjson", "q": "helicopters"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert response.text.count("\n") == 1 and world["helicopters"] in response.text
