"""Projections of the alerts service: claims, subscriptions and deliveries."""

from __future__ import annotations

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from services.alerts.tables import claim_observations, claims, deliveries, delivery_attempts, subscriptions
from shared.events import Event
from shared.events.claims import ClaimObserved
from shared.events.subscriptions import (
    SubscriptionCreated,
    SubscriptionDeleted,
    SubscriptionSecretRotated,
    SubscriptionUpdated,
)
from shared.events.webhooks import (
    AlertQueued,
    WebhookAttempted,
    WebhookDeadLettered,
    WebhookDelivered,
    WebhookRedeliveryRequested,
)

_SUBSCRIPTION_COLUMNS = {"url", "description", "filters", "enabled"}


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


class SubscriptionsProjection:
    name = "subscriptions"
    handles = frozenset({"subscription.created", "subscription.updated", "subscription.deleted",
                         "subscription.secret_rotated"})
    tables = (subscriptions,)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        where = subscriptions.c.subscription_id == payload.subscription_id
        common = {"updated_at": event.time, "version": event.stream_version}
        if isinstance(payload, SubscriptionCreated):
            settings = payload.settings.model_dump(mode="json")
            await conn.execute(
                pg_insert(subscriptions)
                .values(subscription_id=payload.subscription_id, key_id=payload.key_id, created_at=event.time, **settings, **common)
                .on_conflict_do_nothing()
            )
        elif isinstance(payload, SubscriptionUpdated):
            changes = {k: v for k, v in payload.changes.items() if k in _SUBSCRIPTION_COLUMNS}
            if "enabled" in changes:
                changes["disabled_reason"] = None if changes["enabled"] else payload.reason
            await conn.execute(update(subscriptions).where(where).values(**changes, **common))
        elif isinstance(payload, SubscriptionDeleted):
            await conn.execute(update(subscriptions).where(where).values(deleted_at=event.time, **common))
        elif isinstance(payload, SubscriptionSecretRotated):
            await conn.execute(update(subscriptions).where(where).values(key_id=payload.key_id, **common))


class DeliveriesProjection:
    """The delivery queue: pending rows are due at `next_attempt_at`; every attempt is kept."""

    name = "deliveries"
    handles = frozenset({"alert.queued", "webhook.attempted", "webhook.delivered", "webhook.dead_lettered",
                         "webhook.redelivery_requested"})
    tables = (deliveries, delivery_attempts)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        where = deliveries.c.delivery_id == payload.delivery_id
        if isinstance(payload, AlertQueued):
            await conn.execute(
                insert(deliveries).values(
                    delivery_id=payload.delivery_id, message_id=payload.message_id,
                    subscription_id=payload.subscription_id, claim_id=payload.claim_id,
                    claim_event_id=payload.claim_event_id, story_id=payload.story_id, payload=payload.payload,
                    status="pending", attempts=0, round_attempts=0, next_attempt_at=payload.first_attempt_at,
                    queued_at=event.time, claim_observed_at=payload.claim_observed_at,
                )
            )
        elif isinstance(payload, WebhookAttempted):
            await conn.execute(
                pg_insert(delivery_attempts)
                .values(
                    event_id=event.id, delivery_id=payload.delivery_id, attempt=payload.attempt, url=payload.url,
                    status_code=payload.status_code, latency_ms=payload.latency_ms, error=payload.error,
                    outcome=payload.outcome, attempted_at=event.time,
                )
                .on_conflict_do_nothing()
            )
            await conn.execute(
                update(deliveries).where(where).values(
                    attempts=deliveries.c.attempts + 1, round_attempts=deliveries.c.round_attempts + 1,
                    last_attempt_at=event.time, last_status_code=payload.status_code, last_error=payload.error,
                    next_attempt_at=payload.next_attempt_at, leased_until=None, lease_owner=None,
                )
            )
        elif isinstance(payload, WebhookDelivered):
            await conn.execute(update(deliveries).where(where).values(status="delivered", delivered_at=event.time, next_attempt_at=None))
        elif isinstance(payload, WebhookDeadLettered):
            await conn.execute(
                update(deliveries).where(where).values(status="dead_lettered", dead_lettered_at=event.time, next_attempt_at=None)
            )
        elif isinstance(payload, WebhookRedeliveryRequested):
            await conn.execute(
                update(deliveries).where(where).values(
                    status="pending", round_attempts=0, next_attempt_at=event.time, dead_lettered_at=None,
                    leased_until=None, lease_owner=None,
                )
            )
