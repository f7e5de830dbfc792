"""Record one check in one transaction: the entries never seen before, a permanent move, a change of
health, and the source's next fetch state.

Each entry has a stream of its own, started at version 1 only: an entry already in the log (from
an earlier fetch, another instance, or before a restart) has its stream already and is skipped.
Every event of one fetch carries the fetch's id as its correlation id.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from sqlalchemy import select

from services.ingest.check import Failed, Fetched, Outcome
from services.ingest.item import IngestedItem
from services.ingest.schedule.fetch_state import save_state
from services.ingest.schedule.leases import Claim
from services.ingest.schedule.timing import SourceState, record_failure, record_success
from shared.events import Event
from shared.events.feeds import FeedHealthChanged, feed_stream
from shared.events.news import NewsItemIngested, item_stream
from shared.eventstore import ANY_VERSION, events
from shared.readmodel.feeds.commands import FeedNotFound, update_feed, url_taken
from shared.unit_of_work import Database, UnitOfWork

SOURCE = "sitrep/ingest"
MOVED = "moved permanently"


class LeaseLost(RuntimeError):
    """Another instance claimed the source after our lease ran out; our result is dropped."""


@dataclass(frozen=True)
class Recorded:
    state: SourceState
    new_items: int = 0
    moved_to: str | None = None
    warning: str | None = None
    same_document: bool = False
    health_changed: bool = False


async def record_check(db: Database, claim: Claim, outcome: Outcome, *, now: datetime, fetch_id: str,
                       rng: random.Random) -> Recorded:
    fresh = await unseen(db, outcome.items) if isinstance(outcome, Fetched) else []
    async with db.transaction() as uow:
        if isinstance(outcome, Fetched):
            recorded = await record_document(uow, claim, outcome, fresh, now=now, fetch_id=fetch_id)
        else:
            recorded = Recorded(failed_state(claim, outcome, now, rng))
        if recorded.state.healthy != claim.state.healthy:
            await record_health(uow, recorded.state, fetch_id)
            recorded = replace(recorded, health_changed=True)
        # The same document again leaves its warning standing.
        keep_warning = recorded.same_document and not recorded.warning
        if not await save_state(uow.conn, recorded.state, claim.lease_id, recorded.warning, keep_warning=keep_warning):
            raise LeaseLost(claim.source.id)
    return recorded


async def record_document(uow: UnitOfWork, claim: Claim, outcome: Fetched, fresh: list[IngestedItem], *,
                          now: datetime, fetch_id: str) -> Recorded:
    new = await append_items(uow, fresh, fetch_id)
    moved_to, warnings = await follow_move(uow, claim, outcome.permanent_url, fetch_id)
    state = record_success(
        claim.state, now, status=outcome.status, etag=outcome.etag, last_modified=outcome.last_modified,
        new_items=new, published=claim.state.recent_published if outcome.unchanged else outcome.published,
        hints=outcome.hints, bounds=claim.bounds, url=moved_to, content_hash=outcome.content_hash,
    )
    warning = "; ".join([*outcome.warnings, *warnings]) or None
    return Recorded(state, new, moved_to, warning, same_document=outcome.unchanged)


def failed_state(claim: Claim, outcome: Failed, now: datetime, rng: random.Random) -> SourceState:
    return record_failure(claim.state, now, error_kind=outcome.kind, message=outcome.message,
                          status=outcome.status, retry_after=outcome.retry_after, bounds=claim.bounds, rng=rng)


async def unseen(db: Database, items: list[IngestedItem]) -> list[IngestedItem]:
    """The items whose stream is not in the log yet: a cheap read before the write transaction."""
    if not items:
        return []
    streams = {item_stream(item.source_id, item.item_key): item for item in items}
    async with db.engine.connect() as conn:
        known = set((await conn.execute(select(events.c.stream_id).where(events.c.stream_id.in_(streams)))).scalars())
    return [item for stream, item in streams.items() if stream not in known]


async def append_items(uow: UnitOfWork, items: list[IngestedItem], fetch_id: str) -> int:
    """Entries already in the log (another instance got there between `unseen` and now) are skipped."""
    return len(await uow.start_streams([item_event(item, fetch_id) for item in items]))


def item_event(item: IngestedItem, fetch_id: str) -> Event:
    stream = item_stream(item.source_id, item.item_key)
    event = Event.new(NewsItemIngested(**asdict(item)), stream_id=stream, source=SOURCE, subject=item.url)
    return event.replace(correlation_id=fetch_id)


async def follow_move(uow: UnitOfWork, claim: Claim, permanent_url: str | None,
                      fetch_id: str) -> tuple[str | None, list[str]]:
    """Store a 301/308's new URL (`feed.updated`), unless another source already reads it."""
    if not permanent_url or permanent_url == claim.source.url:
        return None, []
    await uow.lock()
    if await url_taken(uow, permanent_url, claim.source.id):
        return None, [f"{MOVED} to {permanent_url}, which another source already reads"]
    try:
        await update_feed(uow, claim.source.id, {"url": permanent_url}, reason=MOVED, correlation_id=fetch_id)
    except FeedNotFound:  # removed while we fetched it
        return None, []
    return permanent_url, []


async def record_health(uow: UnitOfWork, state: SourceState, fetch_id: str) -> None:
    payload = FeedHealthChanged(
        feed_id=state.source_id,
        healthy=state.healthy,
        consecutive_failures=state.consecutive_failures,
        failing_since=state.failing_since,
        error_kind=state.last_error_kind,
        error=state.last_error,
    )
    stream = feed_stream(state.source_id)
    event = Event.new(payload, stream_id=stream, source=SOURCE, subject=state.source_id)
    await uow.record(stream, [event.replace(correlation_id=fetch_id)], expected_version=ANY_VERSION)
