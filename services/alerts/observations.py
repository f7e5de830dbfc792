"""Records one extracted claim as `claim.observed`, with its novelty against every earlier claim.

The novelty lookup reads the `claims` projection by identity and series key (both indexed) inside
the consumer's transaction. A new claim opens its stream expecting none, so of two transactions
that find the same claim new at once only one commits; the consumer redoes the other, which then
sees the first. A corroboration (or a
history already told) joins the earlier claim's stream: one claim, many sources.
"""

from __future__ import annotations

from sqlalchemy import func, select

from services.alerts import metrics
from services.alerts.novelty import PriorClaim, decide_novelty, identity_key, series_key
from shared.claims.model import Claim, Count
from shared.events import Event
from shared.events.claims import ClaimFields, ClaimObserved, Evidence, claim_stream
from shared.eventstore import ANY_VERSION, NO_STREAM
from shared.ids import new_id
from shared.readmodel.claims.tables import claim_observations, claims
from shared.unit_of_work import UnitOfWork

SOURCE = "sitrep/claims"


def claim_fields(claim: Claim) -> ClaimFields:
    """The extractor's claim as the event's fields (what it says, not where it was read)."""
    data = claim.to_payload()
    return ClaimFields.model_validate({k: v for k, v in data.items() if k in ClaimFields.model_fields})


async def prior_claims(uow: UnitOfWork, column, key: str) -> list[PriorClaim]:
    """Earlier claims under a key, one entry per claim and source that carried it, oldest first."""
    first_seen = func.min(claim_observations.c.observed_at)
    rows = await uow.conn.execute(
        select(claims.c.claim_id, claims.c.count_min, claims.c.count_max, claims.c.published_at,
               claim_observations.c.source_id)
        .join(claim_observations, claim_observations.c.claim_id == claims.c.claim_id)
        .where(column == key)
        .group_by(claims.c.claim_id, claim_observations.c.source_id)
        .order_by(first_seen)
    )
    return [
        PriorClaim(
            claim_id=row.claim_id, source=row.source_id,
            count=None if row.count_min is None and row.count_max is None else Count(row.count_min, row.count_max),
            observed_on=row.published_at.date(),
        )
        for row in rows
    ]


async def observe_claim(uow: UnitOfWork, claim: Claim, evidence: Evidence,
                        caused_by: Event) -> tuple[Event, ClaimObserved] | None:
    """Record the claim; None when its source already said exactly this (nothing new to keep)."""
    identity, series = identity_key(claim), series_key(claim)
    same_identity = await prior_claims(uow, claims.c.identity_key, identity)
    if any(prior.source == evidence.source_id for prior in same_identity):
        return None  # this source already said exactly this
    novelty = decide_novelty(claim, same_identity, await prior_claims(uow, claims.c.series_key, series), evidence.source_id)
    if novelty.repeat:
        return None
    joins_earlier = novelty.kind in ("corroborated", "historical") and novelty.refers_to is not None
    claim_id = novelty.refers_to if joins_earlier else new_id()
    observed = ClaimObserved(
        claim_id=claim_id, novelty=novelty.kind, refers_to=novelty.refers_to, identity_key=identity,
        series_key=series, claim=claim_fields(claim), evidence=evidence,
    )
    stream = claim_stream(claim_id)
    event = Event.new(observed, stream_id=stream, source=SOURCE, subject=claim_id, caused_by=caused_by)
    [stored] = await uow.record(stream, [event], expected_version=ANY_VERSION if joins_earlier else NO_STREAM)
    metrics.claims_observed.labels(observed.claim.kind, observed.novelty).inc()
    return stored, observed
