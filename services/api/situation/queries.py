"""What the page shows, read from the claims and feeds projections."""

from __future__ import annotations

from typing import Any

from sqlalchemy import cast, func, or_, select
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.claims.registry import registry
from shared.eventstore import events
from shared.readmodel.claims.tables import claim_observations, claims
from shared.readmodel.feeds.tables import feed_fetch_state, feeds
from shared.readmodel.stories.tables import stories

TIMELINE_LENGTH = 50
NEWEST_LENGTH = 20


def conflict_names() -> dict[str, str]:
    return {conflict.id: conflict.name for conflict in registry().conflicts}


async def conflicts_with_claims(conn: AsyncConnection) -> list[tuple[str, int]]:
    """Conflicts that have claims, the one with most first."""
    query = (
        select(claims.c.conflict, func.count())
        .where(claims.c.conflict.is_not(None))
        .group_by(claims.c.conflict)
        .order_by(func.count().desc(), claims.c.conflict)
    )
    return [(row[0], row[1]) for row in await conn.execute(query)]


def _of_conflict(conflict: str) -> Any:
    """Its claims, and ceasefire claims about its belligerents that name no conflict."""
    belligerents = next((c.belligerents for c in registry().conflicts if c.id == conflict), ())
    about_its_parties = (claims.c.kind == "ceasefire") & claims.c.conflict.is_(None)
    if belligerents:
        about_its_parties &= claims.c.parties.op("?|")(array(belligerents))
        return or_(claims.c.conflict == conflict, about_its_parties)
    return claims.c.conflict == conflict


def _with_link(query: Any) -> Any:
    first = claim_observations.c.event_id == claims.c.first_event_id
    return query.add_columns(claim_observations.c.source_url.label("url"), stories.c.title.label("title")).select_from(
        claims.outerjoin(claim_observations, first).outerjoin(stories, stories.c.story_id == claims.c.story_id)
    )


async def ceasefire_timeline(conn: AsyncConnection, conflict: str) -> list[dict[str, Any]]:
    """The latest ceasefire claims, oldest first."""
    query = _with_link(select(claims).where(claims.c.kind == "ceasefire", _of_conflict(conflict)))
    query = query.order_by(claims.c.published_at.desc(), claims.c.claim_id.desc()).limit(TIMELINE_LENGTH)
    rows = [dict(row) for row in (await conn.execute(query)).mappings()]
    return rows[::-1]


async def newest_claims(conn: AsyncConnection, conflict: str) -> list[dict[str, Any]]:
    """Newest first observed first."""
    query = _with_link(select(claims).where(_of_conflict(conflict)))
    query = query.order_by(claims.c.first_observed_at.desc(), claims.c.claim_id.desc()).limit(NEWEST_LENGTH)
    return [dict(row) for row in (await conn.execute(query)).mappings()]


async def log_head(conn: AsyncConnection) -> int:
    """The log's newest position: where the page's live stream starts."""
    return (await conn.execute(select(func.coalesce(func.max(events.c.position), 0)))).scalar_one()


async def claims_first_observed_after(conn: AsyncConnection, conflict: str, position: int, limit: int
                                      ) -> list[dict[str, Any]]:
    """The conflict's claims whose first observation lies after `position` in the log, in log order,
    each with that `position` (repeats by other sources are not new claims)."""
    first = events.c.id == cast(claims.c.first_event_id, events.c.id.type)
    query = _with_link(select(claims, events.c.position).where(_of_conflict(conflict), events.c.position > position))
    query = query.join(events, first).order_by(events.c.position).limit(limit)
    return [dict(row) for row in (await conn.execute(query)).mappings()]


async def feed_health(conn: AsyncConnection) -> dict[str, Any]:
    """How many live sources there are, and the failing ones, longest failing first."""
    live = feeds.outerjoin(feed_fetch_state, feed_fetch_state.c.feed_id == feeds.c.feed_id)
    healthy = func.coalesce(feed_fetch_state.c.healthy, True)
    counts = select(func.count(), func.count().filter(healthy)).select_from(live).where(feeds.c.removed_at.is_(None))
    total, healthy_count = (await conn.execute(counts)).one()
    failing = (
        select(feeds.c.feed_id, feeds.c.url, feeds.c.title, feeds.c.owner, feed_fetch_state.c.last_error_kind,
               feed_fetch_state.c.last_error, feed_fetch_state.c.consecutive_failures,
               feed_fetch_state.c.failing_since, feed_fetch_state.c.last_success_at)
        .select_from(live)
        .where(feeds.c.removed_at.is_(None), ~healthy)
        .order_by(feed_fetch_state.c.failing_since.asc().nulls_last(), feeds.c.feed_id)
    )
    return {"total": total, "healthy": healthy_count,
            "failing": [dict(row) for row in (await conn.execute(failing)).mappings()]}
