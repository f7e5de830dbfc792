"""Keeps `claims` and `claim_observations` in step with `claim.observed`."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.claims import ClaimObserved
from shared.readmodel.claims.tables import claim_observations, claims


class ClaimsProjection:
    """One row per claim with how many observations and distinct sources carried it."""

    name = "claims"
    handles = frozenset({"claim.observed"})
    tables = (claims, claim_observations)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        observed: ClaimObserved = event.payload()
        claim, evidence = observed.claim, observed.evidence
        await conn.execute(
            pg_insert(claim_observations)
            .values(
                event_id=event.id, claim_id=observed.claim_id, novelty=observed.novelty, story_id=evidence.story_id,
                item_event_id=evidence.item_event_id, source_id=evidence.source_id, source_url=evidence.source_url,
                sentence=evidence.sentence, observed_at=event.time,
            )
            .on_conflict_do_nothing()
        )
        await conn.execute(
            pg_insert(claims)
            .values(
                claim_id=observed.claim_id, identity_key=observed.identity_key, series_key=observed.series_key,
                kind=claim.kind, category=claim.category, subject=claim.subject,
                count_min=claim.count.min if claim.count else None, count_max=claim.count.max if claim.count else None,
                approximate=claim.approximate, side=claim.side, claimant=claim.claimant, parties=list(claim.parties),
                historical=claim.historical, place=claim.place, date=claim.date, mediator=claim.mediator,
                basis=claim.basis, language=claim.language, claimant_party=claim.claimant_party,
                context=claim.context, conflict=claim.conflict,
                novelty=observed.novelty, refers_to=observed.refers_to, sentence=evidence.sentence,
                story_id=evidence.story_id, first_event_id=event.id, published_at=evidence.published_at,
                first_observed_at=event.time, last_observed_at=event.time, observation_count=0, source_count=0,
            )
            .on_conflict_do_nothing()
        )
        observations = select(func.count(), func.count(func.distinct(claim_observations.c.source_id))).where(
            claim_observations.c.claim_id == observed.claim_id
        )
        observation_count, source_count = (await conn.execute(observations)).one()
        await conn.execute(
            update(claims)
            .where(claims.c.claim_id == observed.claim_id)
            .values(
                last_observed_at=func.greatest(claims.c.last_observed_at, event.time),
                observation_count=observation_count, source_count=source_count,
            )
        )
