"""`GET /v1/events/stream` under a real uvicorn: backlog, live events, resume, heartbeats."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
import pytest

from shared.events import Event
from services.api.keys import revoke_key
from shared.unit_of_work import UnitOfWork
from tests.support.api_seed import append_test_events
from tests.support.sse import sse_messages, take, until_line


@pytest.fixture
async def stream_client(server, keys) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server, headers=keys.headers("read"), timeout=30) as client:
        yield client


async def test_backlog_then_live_events(stream_client, db):
    backlog = await append_test_events(db, "s-1", 3)
    async with stream_client.stream("GET", "/v1/events/stream") as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        messages = sse_messages(response)
        first = await take(messages, 3)
        assert [m.id for m in first] == backlog
        assert [m.data["sequence"] for m in first] == backlog
        assert first[0].event == "test.happened" and first[0].data["streamid"] == "s-1"
        live = await append_test_events(db, "s-1", 2)
        assert [m.id for m in await take(messages, 2)] == live


async def test_resume_with_last_event_id(stream_client, db):
    positions = await append_test_events(db, "s-1", 6)
    headers = {"Last-Event-ID": str(positions[2])}
    async with stream_client.stream("GET", "/v1/events/stream", params={"after": 0}, headers=headers) as response:
        messages = sse_messages(response)
        assert [m.id for m in await take(messages, 3)] == positions[3:]


async def test_filters_apply_to_backlog_and_live(stream_client, db):
    await append_test_events(db, "a", 2, event_type="test.wanted")
    await append_test_events(db, "b", 2, event_type="test.unwanted")
    params = {"type": ["test.wanted", "test.also"]}
    async with stream_client.stream("GET", "/v1/events/stream", params=params) as response:
        messages = sse_messages(response)
        assert [m.event for m in await take(messages, 2)] == ["test.wanted"] * 2
        await append_test_events(db, "b", 1, event_type="test.unwanted")
        also = await append_test_events(db, "c", 1, event_type="test.also")
        (message,) = await take(messages, 1)
        assert (message.id, message.event) == (also[0], "test.also")


async def test_no_event_is_lost_between_backlog_and_live_part(stream_client, db):
    """Writers commit before, during and after the stream starts; it delivers each event once, in order."""
    await append_test_events(db, "early", 50)

    async def write() -> list[int]:
        positions: list[int] = []
        for _ in range(60):
            positions += await append_test_events(db, "during", 1)
            await asyncio.sleep(0.002)
        return positions

    writer = asyncio.create_task(write())
    async with stream_client.stream("GET", "/v1/events/stream") as response:
        received = [m.id for m in await take(sse_messages(response), 110, timeout=30)]
    await writer
    assert received == list(range(1, 111))


async def test_an_event_that_commits_late_is_streamed_not_skipped(stream_client, db):
    """A transaction that took a lower position commits after one with a higher position has been
    streamed... or would have been, by position: the stream waits for it and sends both, once."""
    async with db.engine.connect() as early:
        early_tx = await early.begin()
        [first] = await UnitOfWork(early, db.projections).record(
            "early", [Event(type="test.happened", data={"n": 1}, stream_id="early", source="test")])
        [late] = await append_test_events(db, "late", 1)
        assert late > first.position
        async with stream_client.stream("GET", "/v1/events/stream") as response:
            messages = sse_messages(response)
            await asyncio.sleep(1.5)
            await early_tx.commit()
            assert [m.id for m in await take(messages, 2, timeout=30)] == [first.position, late]
            after = await append_test_events(db, "after", 1)
            assert [m.id for m in await take(messages, 1)] == after


async def test_heartbeats_keep_an_idle_stream_open(stream_client):
    async with stream_client.stream("GET", "/v1/events/stream") as response:
        lines = response.aiter_lines()

        async def until_heartbeat() -> None:
            async for line in lines:
                if line == ": heartbeat":
                    return

        await asyncio.wait_for(until_heartbeat(), 5)  # the test app beats every 0.5 s


async def test_stream_needs_a_key_and_valid_filters(server):
    async with httpx.AsyncClient(base_url=server) as client:
        response = await client.get("/v1/events/stream")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"


async def test_bad_last_event_id_is_a_problem(stream_client):
    response = await stream_client.get("/v1/events/stream", headers={"Last-Event-ID": "not-a-number"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "header.Last-Event-ID"


async def test_open_streams_hold_no_database_connection(stream_client, db):
    """More streams than the pool has connections, and plain requests still get through."""
    size = db.engine.pool.size() + db.engine.pool._max_overflow
    async with contextlib.AsyncExitStack() as stack:
        for _ in range(size + 2):
            response = await stack.enter_async_context(stream_client.stream("GET", "/v1/events/stream"))
            assert response.status_code == 200
        answer = await asyncio.wait_for(stream_client.get("/v1/events"), 10)
        assert answer.status_code == 200
        live = await append_test_events(db, "s", 1)
        assert [m.id for m in await take(sse_messages(response), 1)] == live


async def test_a_stream_ends_soon_after_its_key_is_revoked_and_cannot_reopen(stream_client, db, keys):
    async with stream_client.stream("GET", "/v1/events/stream") as response:
        lines = response.aiter_lines()
        [live] = await append_test_events(db, "s", 1)
        assert (await until_line(lines, lambda line: line.startswith("id:")))[-1] == f"id: {live}"
        async with db.engine.begin() as conn:
            assert await revoke_key(conn, keys.read_id)
        rest = await until_line(lines, lambda line: False, timeout=10)  # the test app beats every 0.5 s
    assert rest[-2:] == [": the key was revoked", ""]
    assert (await stream_client.get("/v1/events/stream")).status_code == 401
