"""Claim due sources so that several ingest instances never fetch the same one at once.

A claim locks the due rows with `FOR UPDATE SKIP LOCKED` (other instances pass them by), then
moves their next check to the end of a lease and stamps a lease id. The fetch result is written
back only while that lease id still stands; an instance that dies mid-fetch leaves the source to be
claimed again once the lease has run out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from services.ingest.item import Source
from services.ingest.schedule.fetch_state import bounds_for, state_from_row
from services.ingest.schedule.timing import ScheduleBounds, SourceState
from shared.ids import new_id
from shared.readmodel.feeds.tables import feed_fetch_state, feeds
from shared.settings import Settings


@dataclass(frozen=True)
class Claim:
    lease_id: str
    source: Source
    state: SourceState
    bounds: ScheduleBounds
    fetch_full_text: bool


async def claim_due(engine: AsyncEngine, now: datetime, limit: int, settings: Settings) -> list[Claim]:
    """Up to `limit` due sources, most overdue first, leased to the caller."""
    if limit <= 0:
        return []
    lease_id = new_id()
    due = (
        select(feed_fetch_state.c.feed_id)
        .join(feeds, feeds.c.feed_id == feed_fetch_state.c.feed_id)
        .where(feeds.c.removed_at.is_(None), feed_fetch_state.c.next_check_at <= now)
        .order_by(feed_fetch_state.c.next_check_at)
        .limit(limit)
        .with_for_update(of=feed_fetch_state, skip_locked=True)
        .cte("due")
    )
    async with engine.begin() as conn:
        claimed = (
            await conn.execute(
                update(feed_fetch_state)
                .where(feed_fetch_state.c.feed_id == due.c.feed_id)
                .values(next_check_at=now + timedelta(seconds=settings.ingest_lease_seconds), lease_id=lease_id)
                .returning(*feed_fetch_state.c)
            )
        ).mappings().all()
        if not claimed:
            return []
        sources = {
            row["feed_id"]: row
            for row in (
                await conn.execute(select(feeds).where(feeds.c.feed_id.in_([c["feed_id"] for c in claimed])))
            ).mappings()
        }
    return [_claim(lease_id, sources[row["feed_id"]], row, settings) for row in claimed]


async def renew_lease(engine: AsyncEngine, claim: Claim, now: datetime, settings: Settings) -> bool:
    """Start the lease again when the fetch begins, so that waiting for the host's turn does not use
    it up; False when another instance has claimed the source meanwhile."""
    async with engine.begin() as conn:
        result = await conn.execute(
            update(feed_fetch_state)
            .where(feed_fetch_state.c.feed_id == claim.source.id, feed_fetch_state.c.lease_id == claim.lease_id)
            .values(next_check_at=now + timedelta(seconds=settings.ingest_lease_seconds))
        )
    return result.rowcount == 1


def _claim(lease_id: str, feed, state_row, settings: Settings) -> Claim:
    source = Source(
        id=feed["feed_id"],
        url=feed["url"],
        kind=feed["kind"],
        owner=feed["owner"],
        country=feed["country"],
        language=feed["language"],
        official=feed["official"],
        config=feed["config"] or {},
    )
    # The row's next_check_at is now the lease's end; the schedule reasons from the last check.
    state = state_from_row(source.id, source.url, state_row)
    return Claim(
        lease_id=lease_id,
        source=source,
        state=state,
        bounds=bounds_for(feed["min_interval_s"], feed["max_interval_s"], settings),
        fetch_full_text=feed["fetch_full_text"],
    )
