"""After a claim is observed: match it against every live subscription and queue one alert per
subscription and claim (`alert.queued`), with the payload frozen so every retry sends the same."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from services.alerts import metrics
from services.alerts.matching import matches
from services.alerts.payload import claim_payload
from shared.events import Event
from shared.events.claims import ClaimObserved
from shared.events.subscriptions import SubscriptionFilters
from shared.events.webhooks import AlertQueued, delivery_stream
from shared.eventstore import NO_STREAM
from shared.ids import new_id
from shared.readmodel.claims.tables import claims
from shared.readmodel.deliveries.tables import deliveries
from shared.readmodel.incidents.tables import incident_stories, incidents
from shared.readmodel.stories.tables import stories, story_items
from shared.readmodel.subscriptions.tables import subscriptions
from shared.unit_of_work import UnitOfWork

SOURCE = "sitrep/alerts"


async def live_subscriptions(uow: UnitOfWork) -> list[tuple[str, SubscriptionFilters]]:
    rows = await uow.conn.execute(
        select(subscriptions.c.subscription_id, subscriptions.c.filters)
        .where(subscriptions.c.enabled, subscriptions.c.deleted_at.is_(None))
        .order_by(subscriptions.c.created_at)
    )
    return [(r.subscription_id, SubscriptionFilters.model_validate(r.filters)) for r in rows]


async def story_view(uow: UnitOfWork, story_id: str) -> dict[str, Any]:
    story = (await uow.conn.execute(select(stories).where(stories.c.story_id == story_id))).mappings().first()
    sources = await uow.conn.execute(
        select(story_items.c.source_id, story_items.c.source_owner.label("owner"),
               story_items.c.source_country.label("country"), story_items.c.url, story_items.c.title,
               story_items.c.published_at)
        .where(story_items.c.story_id == story_id)
        .order_by(story_items.c.published_at)
    )
    view = {"story_id": story_id, "sources": [dict(r) for r in sources.mappings()]}
    if story is not None:
        view |= {"title": story["title"], "url": story["url"], "first_seen_at": story["first_seen_at"]}
    return view


async def previous_claim(uow: UnitOfWork, claim_id: str | None) -> dict[str, Any] | None:
    if claim_id is None:
        return None
    row = (await uow.conn.execute(select(claims).where(claims.c.claim_id == claim_id))).mappings().first()
    if row is None:
        return None
    return {
        "id": row["claim_id"], "category": row["category"], "subject": row["subject"],
        "count": None if row["count_min"] is None and row["count_max"] is None
        else {"min": row["count_min"], "max": row["count_max"]},
        "claimant": row["claimant"], "first_observed_at": row["first_observed_at"].isoformat(),
        "source_count": row["source_count"],
    }


async def _already_alerted(uow: UnitOfWork, claim_id: str) -> set[str]:
    """The subscriptions that already have an alert for this claim."""
    found = await uow.conn.execute(select(deliveries.c.subscription_id).where(deliveries.c.claim_id == claim_id))
    return {row.subscription_id for row in found}


async def incident_of(uow: UnitOfWork, story_id: str) -> dict[str, Any] | None:
    """The incident the story reports now (after any merge), as the projections know it."""
    row = (await uow.conn.execute(
        select(incidents.c.incident_id, incidents.c.title, incidents.c.story_count, incidents.c.first_reported_at)
        .join(incident_stories, incident_stories.c.incident_id == incidents.c.incident_id)
        .where(incident_stories.c.story_id == story_id)
    )).mappings().first()
    return dict(row) if row else None


async def _alerted_for_incident(uow: UnitOfWork, incident_id: str) -> set[str]:
    """The subscriptions that already have an alert for a claim of this incident."""
    found = await uow.conn.execute(
        select(deliveries.c.subscription_id).where(deliveries.c.incident_id == incident_id))
    return {row.subscription_id for row in found}


async def queue_alerts(
    uow: UnitOfWork, claim_event: Event, observed: ClaimObserved, *, api_url: str, first_delay_s: float = 0.0,
) -> list[str]:
    """Queue an alert for each subscription that wants this observation; returns delivery ids.

    Runs in the consumer's transaction, after the claim's own append, which only one of two racing
    transactions can make for a new claim; the unique key (subscription_id, claim_id) backs it up. A
    subscription that asks for one alert per incident gets none for a claim whose story's incident
    it was already alerted for.
    """
    live = [(sid, filters) for sid, filters in await live_subscriptions(uow) if matches(filters, observed)]
    wanted = [sid for sid, _ in live]
    incident = await incident_of(uow, observed.evidence.story_id) if wanted else None
    if wanted:
        alerted = await _already_alerted(uow, observed.claim_id)
        per_incident = {sid for sid, filters in live if filters.per_incident}
        if incident is not None and per_incident:
            alerted |= per_incident & await _alerted_for_incident(uow, incident["incident_id"])
        wanted = [sid for sid in wanted if sid not in alerted]
    queued: list[str] = []
    story: dict[str, Any] | None = None
    previous: dict[str, Any] | None = None
    for subscription_id in wanted:
        if story is None:
            story = await story_view(uow, observed.evidence.story_id)
            previous = await previous_claim(uow, observed.refers_to)
        delivery_id = new_id()
        message_id = f"msg_{delivery_id.replace('-', '')}"
        ids = {"subscription_id": subscription_id, "delivery_id": delivery_id, "message_id": message_id}
        payload = claim_payload(claim_event=claim_event, observed=observed, story=story, previous=previous,
                                ids=ids, api_url=api_url, incident=incident)
        event_payload = AlertQueued(
            delivery_id=delivery_id, message_id=message_id, subscription_id=subscription_id,
            claim_id=observed.claim_id, claim_event_id=claim_event.id, story_id=observed.evidence.story_id,
            claim_observed_at=claim_event.time, first_attempt_at=claim_event.time + timedelta(seconds=first_delay_s),
            payload=payload, incident_id=incident["incident_id"] if incident else None,
        )
        stream = delivery_stream(delivery_id)
        event = Event.new(event_payload, stream_id=stream, source=SOURCE, subject=delivery_id, caused_by=claim_event)
        await uow.record(stream, [event], expected_version=NO_STREAM)
        metrics.alerts_queued.inc()
        queued.append(delivery_id)
    return queued
