"""The latest figure of each (conflict, claimant party, suffering side, category, subject) from the
`claims` projection, the party's previous running total of an earlier day, and where it was read."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import Date, case, cast, func, select, true
from sqlalchemy.dialects.postgresql import UUID, distinct_on
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.tallies.schemas import TallyQuery
from shared.claims.registry import registry
from shared.eventstore import events
from shared.readmodel.claims.tables import claim_observations, claims

GROUP = (claims.c.conflict, claims.c.claimant_party, claims.c.side, claims.c.category, claims.c.subject)
BASIS_RANK = case((claims.c.basis == "total", 0), (claims.c.basis == "increment", 1), else_=2)
"""A running total stands for the group when there is one; else the day's increment; else a one-off report."""


def _utc_day(column: Any) -> Any:
    return cast(func.timezone("UTC", column), Date)


def _latest(query: TallyQuery) -> Any:
    conditions = [
        claims.c.kind == "casualty",
        claims.c.historical.is_(False),
        claims.c.conflict.is_not(None),
        claims.c.claimant_party.is_not(None),
        claims.c.side.is_not(None),
    ]
    if query.conflict is not None:
        conditions.append(claims.c.conflict == query.conflict)
    if query.party is not None:
        conditions.append(func.lower(claims.c.claimant_party) == query.party.lower())
    if query.subject is not None:
        conditions.append(func.lower(claims.c.subject) == query.subject.lower())
    if query.since is not None:
        conditions.append(claims.c.published_at >= query.since)
    if query.until is not None:
        conditions.append(claims.c.published_at < query.until)
    return (
        select(claims)
        .ext(distinct_on(*GROUP))
        .where(*conditions)
        .order_by(*GROUP, BASIS_RANK, claims.c.published_at.desc(), claims.c.first_observed_at.desc(),
                  claims.c.claim_id.desc())
        .subquery("latest")
    )


def _previous(latest: Any) -> Any:
    earlier = claims.alias("earlier")
    return (
        select(earlier.c.claim_id, earlier.c.count_min, earlier.c.count_max, earlier.c.published_at)
        .where(
            latest.c.basis == "total",
            earlier.c.basis == "total",
            earlier.c.kind == "casualty",
            earlier.c.historical.is_(False),
            *(earlier.c[column.name].is_not_distinct_from(latest.c[column.name]) for column in GROUP),
            _utc_day(earlier.c.published_at) < _utc_day(latest.c.published_at),
        )
        .order_by(earlier.c.published_at.desc(), earlier.c.first_observed_at.desc())
        .limit(1)
        .lateral("previous")
    )


async def tallies(conn: AsyncConnection, query: TallyQuery) -> list[dict[str, Any]]:
    latest = _latest(query)
    previous = _previous(latest)
    first_observation = claim_observations.c.event_id == latest.c.first_event_id
    observed_event = events.c.id == cast(claim_observations.c.event_id, UUID(as_uuid=False))
    statement = select(
        latest,
        claim_observations.c.source_id,
        claim_observations.c.source_url,
        events.c.data["evidence"]["source_owner"].astext.label("source_owner"),
        previous.c.claim_id.label("previous_claim_id"),
        previous.c.count_min.label("previous_min"),
        previous.c.count_max.label("previous_max"),
        previous.c.published_at.label("previous_published_at"),
    ).select_from(
        latest.outerjoin(claim_observations, first_observation)
        .outerjoin(events, observed_event)
        .outerjoin(previous, true())
    )
    rows = [_tally(dict(row)) for row in (await conn.execute(statement)).mappings()]
    rows = [row for row in rows if query.side is None or row["side"] == query.side]
    rows.sort(key=lambda row: (row["conflict"], row["claimant_party"], row["side"] != "own", row["category"],
                               row["subject"] or ""))
    return rows


def side_of_loss(conflict_id: str, claimant_party: str, suffered_by: str) -> str:
    """own when the party that suffered it fights on the claimant's side of the conflict."""
    for conflict in registry().conflicts:
        if conflict.id == conflict_id:
            mine, theirs = conflict.side_of(claimant_party), conflict.side_of(suffered_by)
            if mine is not None and theirs is not None:
                return "own" if mine == theirs else "other"
    return "own" if claimant_party.casefold() == suffered_by.casefold() else "other"


def _lower(count_min: int | None, count_max: int | None) -> int | None:
    return count_min if count_min is not None else count_max


def _tally(row: dict[str, Any]) -> dict[str, Any]:
    previous = None
    change = None
    if row["previous_claim_id"] is not None:
        previous = {"claim_id": row["previous_claim_id"], "count_min": row["previous_min"],
                    "count_max": row["previous_max"], "published_at": row["previous_published_at"]}
        now, before = _lower(row["count_min"], row["count_max"]), _lower(row["previous_min"], row["previous_max"])
        change = now - before if now is not None and before is not None else None
    elif row["basis"] == "increment":
        change = _lower(row["count_min"], row["count_max"])
    return {
        **{name: row[name] for name in ("conflict", "claimant_party", "category", "subject", "basis", "count_min",
                                        "count_max", "approximate", "published_at", "claim_id", "claimant",
                                        "sentence")},
        "side": side_of_loss(row["conflict"], row["claimant_party"], row["side"]),
        "suffered_by": row["side"],
        "as_of": row["published_at"].astimezone(UTC).date(),
        "source": {"source_id": row["source_id"], "owner": row["source_owner"], "url": row["source_url"]},
        "previous": previous,
        "change": change,
    }
