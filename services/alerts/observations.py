"""Records one extracted claim as `claim.observed`, with its novelty against every earlier claim.

The novelty lookup reads the `claims` projection by identity and series key (both indexed) inside
the consumer's transaction, which holds the log's append lock, so two stories carrying the same
claim are decided one after the other and the second sees the first.
"""

from __future__ import annotations

from sqlalchemy import select

from services.alerts import metrics
from services.alerts.claims.novelty import PriorClaim, decide_novelty, identity_key, series_key
from services.alerts.tables import claims
from shared.events import Event
from shared.events.claims import ClaimFields, ClaimObserved, Evidence, claim_stream
from shared.eventstore import ANY_VERSION, NO_STREAM
from shared.ids import new_id
from shared.unit_of_work import UnitOfWork

SOURCE = "sitrep/claims"


def claim_fields(claim) -> ClaimFields:
    """The extractor's claim as the event's fields (what it says, not where it was read)."""
    data = claim.to_payload()
    return ClaimFields.model_validate({k: v for k, v in data.items() if k in ClaimFields.model_fields})


def _prior(row) -> PriorClaim:
    return PriorClaim(
        claim_id=row.claim_id,
        claimant=row.claimant,
        count_min=row.count_min,
        count_max=row.count_max,
        published_at=row.published_at,
    )


async def prior_claims(uow: UnitOfWork, column, key: str) -> list[PriorClaim]:
    rows = await uow.conn.execute(select(claims).where(column == key).order_by(claims.c.first_observed_at))
    return [_prior(row) for row in rows]


async def observe_claim(uow: UnitOfWork, claim, evidence: Evidence, caused_by: Event) -> tuple[Event, ClaimObserved]:
    identity, series = identity_key(claim), series_key(claim)
    novelty = decide_novelty(
        claim,
        await prior_claims(uow, claims.c.identity_key, identity),
        await prior_claims(uow, claims.c.series_key, series),
    )
    corroborates = novelty.kind == "corroborated" and novelty.refers_to is not None
    claim_id = novelty.refers_to if corroborates else new_id()
    observed = ClaimObserved(
        claim_id=claim_id, novelty=novelty.kind, refers_to=novelty.refers_to, identity_key=identity,
        series_key=series, claim=claim_fields(claim), evidence=evidence,
    )
    stream = claim_stream(claim_id)
    event = Event.new(observed, stream_id=stream, source=SOURCE, subject=claim_id, caused_by=caused_by)
    [stored] = await uow.record(stream, [event], expected_version=ANY_VERSION if corroborates else NO_STREAM)
    metrics.claims_observed.labels(observed.claim.kind, observed.novelty).inc()
    return stored, observed
