"""Bad input gets a 4xx problem+json that says what is wrong; nothing gets a 500."""

from __future__ import annotations

import base64
import json

import pytest

from services.api.metrics import http_requests
from tests.support.api_seed import T0, add_feed, add_story

LIST_FILTERS = {
    "/v1/events": ["type", "stream", "subject", "since", "until", "after", "cursor", "limit", "format"],
    "/v1/stories": ["since", "until", "source", "country", "language", "q", "cursor", "limit", "format"],
    "/v1/feeds": ["kind", "country", "language", "official", "include_removed", "cursor", "limit", "format"],
}
NASTY = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "%_\\%",
    "$1 ) UNION SELECT * FROM api_keys --",
    "Ωμέγα 🚀 Арцах Ղարաբաղ",
    "\u202etxet",
    "x" * 5000,
    "a\x00b",
    "",
]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["title"]
    assert "Traceback" not in response.text
    return problem


def _cursor(body: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "path, cursor",
    [
        ("/v1/events", "not a cursor!"),
        ("/v1/events", "e30"),  # {}
        ("/v1/events", _cursor({"k": "stories", "v": ["2020-09-27T08:00:00Z", "x"]})),  # another list's cursor
        ("/v1/events", _cursor({"k": "events", "v": ["forty-two"]})),
        ("/v1/events", _cursor({"k": "events", "v": [1, 2]})),
        ("/v1/events", _cursor({"k": "events", "v": [2**64]})),
        ("/v1/events", _cursor({"k": "events", "v": [-1]})),
        ("/v1/stories", _cursor({"k": "stories", "v": ["0001-01-01T00:00:00+05:00", "x"]})),
        ("/v1/stories", _cursor({"k": "stories", "v": ["2020-09-27T08:00:00Z", "a\u0000b"]})),
        ("/v1/stories", _cursor({"k": "stories", "v": ["yesterday", "x"]})),
        ("/v1/stories", _cursor([1, 2, 3])),
        ("/v1/feeds", base64.urlsafe_b64encode(b"\xff\xfe").decode()),
    ],
)
async def test_a_bad_cursor_is_a_400(client, path, cursor):
    problem = assert_problem(await client.get(path, params={"cursor": cursor}), 400)
    assert problem["type"] == "urn:sitrep:problem:bad-cursor"


async def test_after_and_cursor_together_are_a_400(client):
    assert_problem(
        await client.get("/v1/events", params={"after": 3, "cursor": _cursor({"k": "events", "v": [1]})}), 400
    )


@pytest.mark.parametrize(
    "path, params, location",
    [
        ("/v1/events", {"limit": 0}, "query.limit"),
        ("/v1/events", {"limit": 1001}, "query.limit"),
        ("/v1/events", {"limit": "ten"}, "query.limit"),
        ("/v1/events", {"after": -1}, "query.after"),
        ("/v1/events", {"after": 2**64}, "query.after"),
        ("/v1/events", {"since": "last tuesday"}, "query.since"),
        ("/v1/events", {"format": "xml"}, "query.format"),
        ("/v1/events", {"type": "not a type"}, "query.type.0"),
        ("/v1/stories", {"limit": 501}, "query.limit"),
        ("/v1/stories", {"until": "2020-13-01"}, "query.until"),
        ("/v1/stories", {"q": ""}, "query.q"),
        ("/v1/feeds", {"official": "maybe"}, "query.official"),
        ("/v1/feeds", {"country": "ARM"}, "query.country"),
    ],
)
async def test_bad_filter_values_name_the_parameter(client, path, params, location):
    problem = assert_problem(await client.get(path, params=params), 422)
    assert location in [error["location"] for error in problem["errors"]]


@pytest.mark.parametrize("path", sorted(LIST_FILTERS))
async def test_sql_meta_characters_and_unicode_in_every_filter(client, db, path):
    """Each value either finds nothing (200) or is refused (4xx); none reaches SQL as code."""
    feed = await add_feed(db, "https://a.example/rss", country="AM")
    await add_story(db, "Four helicopters downed", [(feed, "AM")], T0)
    for name in LIST_FILTERS[path]:
        for value in NASTY:
            response = await client.get(path, params={name: value})
            assert response.status_code < 500, (name, value, response.text)
            if response.status_code == 200 and name not in ("format", "limit", "cursor"):
                assert response.json()["data"] == [], (name, value)
            elif response.status_code != 200:
                assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/v1/stories/", "/v1/feeds/"])
async def test_meta_characters_and_unicode_in_ids_are_404s(client, path):
    for value in ["' OR '1'='1", "Ղարաբաղ", "%25", "..%2F..%2Fetc"]:
        assert_problem(await client.get(path + value), 404)
    assert_problem(await client.get(path + "a%00b"), 422)


async def test_unknown_ids_routes_and_methods(client):
    assert assert_problem(await client.get("/v1/stories/nope"), 404)["instance"] == "/v1/stories/nope"
    assert_problem(await client.get("/v1/feeds/nope"), 404)
    assert_problem(await client.get("/v1/nothing-here"), 404)
    response = await client.put("/v1/stories")
    assert_problem(response, 405)
    assert "GET" in response.headers["allow"]


async def test_an_oversized_body_is_a_413(client, keys, api_settings):
    headers = keys.headers("admin")
    big = {"url": "https://a.example/rss", "config": {"blob": "x" * api_settings.max_body_bytes}}
    problem = assert_problem(await client.post("/v1/feeds", json=big, headers=headers), 413)
    assert str(api_settings.max_body_bytes) in problem["detail"]

    async def chunks():  # no Content-Length: counted as it arrives
        yield b'{"url": "https://a.example/rss", "config": {"blob": "'
        for _ in range(api_settings.max_body_bytes // 1024 + 1):
            yield b"x" * 1024
        yield b'"}}'

    chunked = await client.post("/v1/feeds", content=chunks(), headers={**headers, "content-type": "application/json"})
    assert_problem(chunked, 413)
    assert (await client.get("/v1/feeds")).json()["data"] == []


async def test_malformed_json_is_a_422(client, keys):
    response = await client.post(
        "/v1/feeds", content=b'{"url": ', headers={**keys.headers("admin"), "content-type": "application/json"}
    )
    assert_problem(response, 422)


async def test_metrics_count_requests_by_route_template(client):
    def count(route: str, status: str) -> float:
        return http_requests.labels(route, "GET", status)._value.get()

    before_found, before_missing = count("/v1/stories/{story_id}", "404"), count("<unmatched>", "404")
    await client.get("/v1/stories/one")
    await client.get("/v1/stories/two")
    await client.get("/v1/nowhere")
    assert count("/v1/stories/{story_id}", "404") == before_found + 2
    assert count("<unmatched>", "404") == before_missing + 1
    text = (await client.get("/metrics")).text
    assert 'sitrep_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/stories/{story_id}"}' in text
    assert "/v1/stories/one" not in text
