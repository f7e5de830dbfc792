"""Polls due feeds and records each new entry as `news.item.ingested`."""

from __future__ import annotations

import asyncio
import hashlib
import html
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
import httpx
from sqlalchemy import select, update

from services.ingest.tables import feed_fetch_state, feeds
from shared.events import Event
from shared.events.news import NewsItemIngested, item_stream
from shared.eventstore import NO_STREAM, ConcurrencyError
from shared.logs import get_logger
from shared.unit_of_work import Database

SOURCE = "sitrep/ingest"
log = get_logger(__name__)
_TAGS = re.compile(r"<[^>]+>")


def entry_to_item(feed: Any, entry: Any, fetched_at: datetime) -> NewsItemIngested:
    link = entry.get("link")
    guid = entry.get("id")
    body = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
    text = " ".join(html.unescape(_TAGS.sub(" ", body)).split())
    title = entry.get("title", "")
    key = guid or link or hashlib.sha256(f"{title}\x00{text}".encode()).hexdigest()
    parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
    published = datetime(*parsed_time[:6], tzinfo=UTC) if parsed_time else fetched_at
    return NewsItemIngested(
        source_id=feed.feed_id,
        source_url=feed.url,
        source_kind=feed.kind,
        source_owner=feed.owner,
        source_country=feed.country,
        source_official=feed.official,
        item_key=key,
        guid=guid,
        url=link,
        title=title,
        text=text,
        published_at=published,
        published_fallback=parsed_time is None,
        language=feed.language,
        fetched_at=fetched_at,
    )


async def poll_feed(db: Database, client: httpx.AsyncClient, feed: Any) -> int:
    fetched_at = datetime.now(UTC)
    response = await client.get(feed.url)
    response.raise_for_status()
    document = feedparser.parse(response.content)
    items = [entry_to_item(feed, entry, fetched_at) for entry in document.entries]
    new = 0
    async with db.transaction() as uow:
        for item in items:
            stream = item_stream(item.source_id, item.item_key)
            try:
                await uow.record(stream, [Event.new(item, stream_id=stream, source=SOURCE, subject=item.url)], NO_STREAM)
                new += 1
            except ConcurrencyError:
                continue
        await uow.conn.execute(
            update(feed_fetch_state)
            .where(feed_fetch_state.c.feed_id == feed.feed_id)
            .values(
                last_status=str(response.status_code),
                last_error=None,
                last_fetched_at=fetched_at,
                last_success_at=fetched_at,
                consecutive_failures=0,
                next_check_at=fetched_at + timedelta(seconds=feed.min_interval_s),
                items_seen=feed_fetch_state.c.items_seen + new,
            )
        )
    return new


async def poll_forever(db: Database, stop: asyncio.Event, tick: float = 1.0) -> None:
    async with httpx.AsyncClient(timeout=30.0, headers={"User-Agent": "sitrep/0.1"}) as client:
        while not stop.is_set():
            async with db.engine.connect() as conn:
                due = (
                    await conn.execute(
                        select(feeds)
                        .join(feed_fetch_state, feed_fetch_state.c.feed_id == feeds.c.feed_id)
                        .where(feeds.c.removed_at.is_(None), feed_fetch_state.c.next_check_at <= datetime.now(UTC))
                    )
                ).all()
            for feed in due:
                try:
                    new = await poll_feed(db, client, feed)
                    log.info("feed_polled", feed_id=feed.feed_id, new_items=new)
                except Exception as exc:  # noqa: BLE001 — one feed's failure must not stop the others
                    log.warning("feed_failed", feed_id=feed.feed_id, error=repr(exc))
                    async with db.transaction() as uow:
                        await uow.conn.execute(
                            update(feed_fetch_state)
                            .where(feed_fetch_state.c.feed_id == feed.feed_id)
                            .values(
                                last_error=repr(exc)[:500],
                                consecutive_failures=feed_fetch_state.c.consecutive_failures + 1,
                                next_check_at=datetime.now(UTC) + timedelta(seconds=feed.min_interval_s),
                            )
                        )
            try:
                await asyncio.wait_for(stop.wait(), timeout=tick)
            except TimeoutError:
                pass
