"""`GET /v1/events` against a real PostgreSQL: filters, keyset pages, exports."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from shared.events import Event
from shared.eventstore import events as events_table
from tests.support.api_seed import add_feed, append_test_events


async def _record(db, stream: str, event_type: str, time: datetime, subject: str | None = None) -> int:
    event = Event(type=event_type, data={}, stream_id=stream, source="test", subject=subject, time=time)
    async with db.transaction() as uow:
        (stored,) = await uow.record(stream, [event])
    return stored.position


async def _all_pages(client, params: dict) -> list[dict]:
    seen: list[dict] = []
    cursor = None
    while True:
        response = await client.get("/v1/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        seen += body["data"]
        cursor = body["next"]
        if cursor is None:
            return seen


async def test_filters_by_several_types_stream_subject_and_time(client, db):
    t = datetime(2020, 9, 27, tzinfo=UTC)
    a = await _record(db, "s-a", "test.observed", t, subject="x")
    b = await _record(db, "s-b", "test.started", t + timedelta(hours=1), subject="y")
    c = await _record(db, "s-a", "test.queued", t + timedelta(hours=2), subject="x")
    d = await _record(db, "s-c", "test.observed", t + timedelta(hours=3), subject="y")

    async def positions(**params) -> list[int]:
        response = await client.get("/v1/events", params=params)
        assert response.status_code == 200, response.text
        return [e["sequence"] for e in response.json()["data"]]

    assert await positions() == [a, b, c, d]
    assert await positions(type=["test.observed", "test.started"]) == [a, b, d]
    assert await positions(stream="s-a") == [a, c]
    assert await positions(subject="y") == [b, d]
    assert await positions(since=(t + timedelta(hours=1)).isoformat(), until=(t + timedelta(hours=3)).isoformat()) == [
        b,
        c,
    ]
    assert await positions(since="2020-09-27T01:00:00", type="test.observed") == [d]  # no offset: UTC
    assert await positions(type="test.observed", subject="x", stream="s-a") == [a]
    assert await positions(after=b) == [c, d]


async def test_events_are_cloudevents_with_their_place_in_the_log(client, db):
    feed_id = await add_feed(db, "https://mod.example/rss")
    (event,) = (await client.get("/v1/events")).json()["data"]
    assert event["specversion"] == "1.0"
    assert event["type"] == "feed.registered" and event["subject"] == feed_id
    assert event["streamid"] == f"feed-{feed_id}" and event["streamversion"] == 1 and event["sequence"] == 1
    assert event["data"]["settings"]["url"] == "https://mod.example/rss"


async def test_pages_follow_the_cursor_in_order_without_repeats(client, db):
    positions = await append_test_events(db, "s-1", 23)
    first = (await client.get("/v1/events", params={"limit": 10})).json()
    assert [e["sequence"] for e in first["data"]] == positions[:10]
    assert first["next"]
    seen = await _all_pages(client, {"limit": 10})
    assert [e["sequence"] for e in seen] == positions
    last = (await client.get("/v1/events", params={"limit": 23})).json()
    assert last["next"] is None


async def test_pagination_has_no_gaps_or_repeats_while_events_are_appended(client, db):
    """Readers page through the log while writers commit side by side: every event is read exactly
    once, each stream in its order."""
    writers, per_writer = 4, 30
    writing = True

    streams: dict[str, list[int]] = {f"w-{w}": [] for w in range(writers)}

    async def write(w: int) -> None:
        for _ in range(per_writer):
            streams[f"w-{w}"] += await append_test_events(db, f"w-{w}", 1)
            await asyncio.sleep(0)

    async def read() -> list[int]:
        seen: list[int] = []
        params: dict = {"limit": 7}
        while True:
            body = (await client.get("/v1/events", params=params)).json()
            seen += [e["sequence"] for e in body["data"]]
            if body["next"]:
                params = {"limit": 7, "cursor": body["next"]}
                continue
            if not writing and not body["data"]:
                return seen
            params = {"limit": 7, "after": seen[-1] if seen else 0}
            await asyncio.sleep(0.005)

    reader = asyncio.create_task(read())
    await asyncio.gather(*(write(w) for w in range(writers)))
    writing = False
    seen = await asyncio.wait_for(reader, 60)
    async with db.engine.connect() as conn:
        stored = list((await conn.execute(select(events_table.c.position).order_by(events_table.c.position))).scalars())
    assert len(stored) == writers * per_writer
    assert sorted(seen) == stored and len(set(seen)) == len(seen)  # follower order: not always by position
    for w in range(writers):
        ours = [p for p in seen if p in streams[f"w-{w}"]]
        assert ours == streams[f"w-{w}"]  # each stream in its own order


async def test_csv_and_ndjson_export_every_matching_event(client, db):
    await append_test_events(db, "s-1", 3, event_type="test.observed", subject="=cmd|' /C calc'!A0")
    await append_test_events(db, "s-2", 2, event_type="other.thing")

    response = await client.get("/v1/events", params={"format": "csv", "type": "test.observed", "limit": 1})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["type"] for row in rows] == ["test.observed"] * 3  # the whole log, not one page
    assert rows[0]["subject"].startswith("'=")  # a spreadsheet would run it as a formula
    assert json.loads(rows[0]["data"]) == {"n": 0}

    response = await client.get("/v1/events", params={"format": "ndjson", "stream": "s-2"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [(e["type"], e["data"]["n"]) for e in lines] == [("other.thing", 0), ("other.thing", 1)]


async def test_export_streams_more_than_one_batch(client, db):
    from services.api.pagination import EXPORT_BATCH

    for _ in range(3):
        await append_test_events(db, "big", EXPORT_BATCH // 2 + 1)
    response = await client.get("/v1/events", params={"format": "ndjson", "after": 2})
    sequences = [json.loads(line)["sequence"] for line in response.text.splitlines()]
    assert sequences == list(range(3, 3 * (EXPORT_BATCH // 2 + 1) + 1))


async def test_one_event_by_id(client, db):
    t = datetime(2020, 9, 27, tzinfo=UTC)
    position = await _record(db, "s-one", "test.observed", t, subject="x")
    listed = (await client.get("/v1/events", params={"stream": "s-one"})).json()["data"][0]
    response = await client.get(f"/v1/events/{listed['id']}")
    assert response.status_code == 200, response.text
    assert response.json() == listed and listed["sequence"] == position

    missing = await client.get("/v1/events/01927b9e-6a3c-7c1e-9c4d-2f5b8e0a1d23")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    assert (await client.get("/v1/events/not-an-id")).status_code == 422
