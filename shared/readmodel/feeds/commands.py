"""Commands on the feed registry: each validates and appends one event."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from shared.events import Event
from shared.events.feeds import FeedRegistered, FeedRemoved, FeedSettings, FeedUpdated, feed_stream
from shared.eventstore import NO_STREAM
from shared.ids import new_id
from shared.readmodel.feeds.tables import feeds
from shared.unit_of_work import UnitOfWork

SOURCE = "sitrep/feeds"


class FeedNotFound(LookupError):
    pass


class FeedAlreadyRegistered(ValueError):
    def __init__(self, feed_id: str) -> None:
        super().__init__(f"a feed with this URL is already registered: {feed_id}")
        self.feed_id = feed_id


async def register_feed(uow: UnitOfWork, settings: FeedSettings, feed_id: str | None = None) -> str:
    await uow.lock()
    existing = await uow.conn.execute(
        select(feeds.c.feed_id).where(feeds.c.url == settings.url, feeds.c.removed_at.is_(None))
    )
    if (found := existing.scalar_one_or_none()) is not None:
        raise FeedAlreadyRegistered(found)
    feed_id = feed_id or new_id()
    event = Event.new(FeedRegistered(feed_id=feed_id, settings=settings), stream_id=feed_stream(feed_id), source=SOURCE, subject=feed_id)
    await uow.record(feed_stream(feed_id), [event], expected_version=NO_STREAM)
    return feed_id


async def update_feed(uow: UnitOfWork, feed_id: str, changes: dict[str, Any], reason: str | None = None, *,
                      correlation_id: str | None = None) -> dict[str, Any]:
    """Records what `changes` really changes, and returns it (nothing recorded when it is empty)."""
    current = await _current(uow, feed_id)
    version = current.pop("version")
    merged = FeedSettings.model_validate({**current, **changes})
    changed = {k: v for k, v in merged.model_dump().items() if current.get(k) != v}
    if not changed:
        return changed
    event = Event.new(FeedUpdated(feed_id=feed_id, changes=changed, reason=reason), stream_id=feed_stream(feed_id), source=SOURCE, subject=feed_id)
    if correlation_id:
        event = event.replace(correlation_id=correlation_id)
    await uow.record(feed_stream(feed_id), [event], expected_version=version)
    return changed


async def url_taken(uow: UnitOfWork, url: str, by_other_than: str) -> bool:
    """Whether another active source already reads `url`."""
    found = await uow.conn.execute(
        select(feeds.c.feed_id)
        .where(feeds.c.url == url, feeds.c.removed_at.is_(None), feeds.c.feed_id != by_other_than)
    )
    return found.first() is not None


async def remove_feed(uow: UnitOfWork, feed_id: str, reason: str | None = None) -> None:
    current = await _current(uow, feed_id)
    event = Event.new(FeedRemoved(feed_id=feed_id, reason=reason), stream_id=feed_stream(feed_id), source=SOURCE, subject=feed_id)
    await uow.record(feed_stream(feed_id), [event], expected_version=current["version"])


async def _current(uow: UnitOfWork, feed_id: str) -> dict[str, Any]:
    await uow.lock()
    row = (
        await uow.conn.execute(select(feeds).where(feeds.c.feed_id == feed_id, feeds.c.removed_at.is_(None)))
    ).mappings().first()
    if row is None:
        raise FeedNotFound(feed_id)
    return {k: row[k] for k in (*FeedSettings.model_fields, "version")}
