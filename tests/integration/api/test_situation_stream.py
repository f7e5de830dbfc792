"""`GET /situation/stream` under a real uvicorn: the page's newest claims from the event log, for one
conflict, resumable by position, and nothing at all without the page's cookie."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest

from services.api.keys import revoke_key
from tests.support.api_seed import T0, add_claim
from tests.support.situation_seed import AM, HOSTILE_IMAGE, HOSTILE_LINK, HOSTILE_SCRIPT
from tests.support.sse import sse_messages, take, until_line

STREAM = "/situation/stream"
ARMENIA_AZERBAIJAN = {"conflict": "armenia-azerbaijan"}
ISRAEL = {"claimant": "the Israel Defense Forces", "claimant_party": "Israel", "conflict": "israel-hamas",
          "context": "armed_conflict", "side": "Hamas"}


@pytest.fixture
async def page(server, keys) -> AsyncIterator[httpx.AsyncClient]:
    """A client logged in as the page's visitors are: the read key kept in the page's cookie."""
    async with httpx.AsyncClient(base_url=server, timeout=30) as client:
        login = await client.post("/login", data={"key": keys.read})
        assert login.status_code == 303 and client.cookies.get("sitrep_key") == keys.read
        yield client


async def _claim(db, claim_id: str, hours: float, **fields) -> None:
    await add_claim(db, claim_id, T0 + timedelta(hours=hours), **(AM | fields))


async def test_claims_appended_after_the_stream_opened_arrive_and_other_conflicts_do_not(page, db):
    await _claim(db, "before", 0)
    async with page.stream("GET", STREAM, params=ARMENIA_AZERBAIJAN) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        messages = sse_messages(response)
        [backlog] = await take(messages, 1)
        assert (backlog.event, backlog.data["claim_id"]) == ("claim", "before")

        await _claim(db, "elsewhere", 1, **ISRAEL)
        await _claim(db, "before", 2, novelty="corroborated", evidence={"source_id": "feed-2"})  # not a new claim
        await _claim(db, "live", 3, category="killed", subject="soldier", side="Azerbaijan")
        [live] = await take(messages, 1)
    assert live.id > backlog.id
    assert live.data == {
        "claim_id": "live", "first_observed_at": (T0 + timedelta(hours=3)).isoformat(), "kind": "casualty",
        "category": "killed", "subject": "soldier", "figure": "4", "side": "Azerbaijan",
        "claimant": "Armenia's Defence Ministry", "claimant_party": "Armenia", "novelty": "new",
        "sentence": live.data["sentence"], "title": None,  # the story's title; no story here
        "url": "https://news.example/a",
    }


async def test_a_reconnecting_page_resumes_after_its_last_event_id(page, db):
    for hours, claim_id in enumerate(("one", "two", "three")):
        await _claim(db, claim_id, hours)
    async with page.stream("GET", STREAM, params=ARMENIA_AZERBAIJAN) as response:
        first = await take(sse_messages(response), 3)
    assert [m.data["claim_id"] for m in first] == ["one", "two", "three"]
    headers = {"Last-Event-ID": str(first[0].id)}
    async with page.stream("GET", STREAM, params=ARMENIA_AZERBAIJAN | {"after": 0}, headers=headers) as response:
        assert [m.data["claim_id"] for m in await take(sse_messages(response), 2)] == ["two", "three"]
    async with page.stream("GET", STREAM, params=ARMENIA_AZERBAIJAN | {"after": first[1].id}) as response:
        assert [m.data["claim_id"] for m in await take(sse_messages(response), 1)] == ["three"]


async def test_hostile_text_is_sent_as_data_and_javascript_links_are_dropped(page, db):
    evidence = {"source_url": HOSTILE_LINK, "title": HOSTILE_SCRIPT, "sentence": HOSTILE_SCRIPT + HOSTILE_IMAGE}
    await _claim(db, "hostile", 0, evidence=evidence, claimant=HOSTILE_IMAGE)
    async with page.stream("GET", STREAM, params=ARMENIA_AZERBAIJAN) as response:
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        [message] = await take(sse_messages(response), 1)
    assert message.data["url"] is None and HOSTILE_LINK not in str(message.data)
    assert message.data["sentence"] == HOSTILE_SCRIPT + HOSTILE_IMAGE and message.data["claimant"] == HOSTILE_IMAGE


async def test_without_the_page_cookie_nothing_is_streamed(server, keys, db):
    await _claim(db, "secret", 0)
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        for cookies in ({}, {"sitrep_key": "sk_not_a_key"}):
            client.cookies.clear()
            client.cookies.update(cookies)
            response = await client.get(STREAM, params=ARMENIA_AZERBAIJAN)
            assert response.status_code == 401 and response.headers["content-type"] == "application/json"
            assert "secret" not in response.text
        # An API key in the Authorization header is for /v1, not for the page's stream.
        response = await client.get(STREAM, params=ARMENIA_AZERBAIJAN, headers=keys.headers("read"))
        assert response.status_code == 401


async def test_the_page_stream_ends_when_its_key_is_revoked(page, db, keys):
    await _claim(db, "before", 0)
    async with page.stream("GET", STREAM, params=ARMENIA_AZERBAIJAN) as response:
        lines = response.aiter_lines()
        assert '"claim_id":"before"' in (await until_line(lines, lambda line: line.startswith("data:")))[-1]
        async with db.engine.begin() as conn:
            assert await revoke_key(conn, keys.read_id)
        rest = await until_line(lines, lambda line: False, timeout=10)
    assert rest[-2:] == [": the key was revoked", ""]
    assert (await page.get(STREAM, params=ARMENIA_AZERBAIJAN)).status_code == 401
