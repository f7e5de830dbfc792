"""Facts for the API tests, recorded the way the services record them: events plus projections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.events import Event
from shared.events.feeds import FeedSettings
from shared.events.stories import StoryItem, StoryItemMerged, StoryStarted, story_stream
from shared.ids import new_id
from shared.readmodel.feeds.commands import register_feed
from shared.unit_of_work import Database

T0 = datetime(2020, 9, 27, 8, 0, tzinfo=UTC)


async def add_feed(db: Database, url: str, feed_id: str | None = None, **settings) -> str:
    async with db.transaction() as uow:
        return await register_feed(uow, FeedSettings(url=url, **settings), feed_id=feed_id)


def _item(source_id: str, title: str, country: str | None, language: str | None, at: datetime) -> StoryItem:
    return StoryItem(
        item_event_id=new_id(),
        item_stream_id=f"item-{new_id()}",
        source_id=source_id,
        source_owner=f"owner of {source_id}",
        source_country=country,
        url=f"https://news.example/{new_id()}",
        title=title,
        text=title,
        language=language,
        published_at=at,
    )


async def add_story(
    db: Database,
    title: str,
    sources: list[tuple[str, str | None]],
    first_seen: datetime,
    language: str | None = "en",
    story_id: str | None = None,
) -> str:
    """A story started by the first (source, country) and merged from each following one."""
    story_id = story_id or new_id()
    stream = story_stream(story_id)
    source, country = sources[0]
    events = [
        Event.new(
            StoryStarted(
                story_id=story_id, item=_item(source, title, country, language, first_seen), first_seen_at=first_seen
            ),
            stream_id=stream,
            source="test/dedupe",
            subject=story_id,
        )
    ]
    for n, (source, country) in enumerate(sources[1:], start=1):
        item = _item(source, title, country, language, first_seen + timedelta(minutes=n))
        merged = StoryItemMerged(story_id=story_id, item=item, method="minhash", similarity=0.9, source_count=n + 1)
        events.append(Event.new(merged, stream_id=stream, source="test/dedupe", subject=story_id))
    async with db.transaction() as uow:
        await uow.record(stream, events)
    return story_id


async def append_test_events(
    db: Database, stream: str, count: int, event_type: str = "test.happened", subject: str | None = None
) -> list[int]:
    """Events of a type no projection handles; returns their positions."""
    events = [
        Event(type=event_type, data={"n": n}, stream_id=stream, source="test", subject=subject) for n in range(count)
    ]
    async with db.transaction() as uow:
        stored = await uow.record(stream, events)
    return [event.position for event in stored]


async def add_claim(
    db: Database,
    claim_id: str,
    at: datetime,
    *,
    novelty: str = "new",
    refers_to: str | None = None,
    evidence: dict | None = None,
    queue: bool = False,
    **claim,
) -> list[str]:
    """Records one `claim.observed` at `at` (a corroboration joins the claim's stream), and with
    `queue` its alerts for the matching subscriptions; returns the delivery ids queued."""
    from services.alerts.alerting import queue_alerts
    from shared.events.claims import claim_stream
    from tools.observations import observation

    observed = observation(novelty=novelty, evidence=evidence, claim_id=claim_id, **claim)
    observed = observed.model_copy(update={"refers_to": refers_to})
    stream = claim_stream(claim_id)
    event = Event.new(observed, stream_id=stream, source="test/alerts", subject=claim_id).replace(time=at)
    async with db.transaction() as uow:
        await uow.lock()
        [recorded] = await uow.record(stream, [event])
        return await queue_alerts(uow, recorded, observed, api_url="http://api.test/v1") if queue else []


async def add_dead_letter(db: Database, delivery_id: str, subscription_id: str, claim_id: str, story_id: str) -> None:
    """A message queued, refused once with a 400 and dead-lettered, as the delivery worker records it."""
    from shared.events.webhooks import AlertQueued, WebhookAttempted, WebhookDeadLettered, delivery_stream

    common = {"delivery_id": delivery_id, "subscription_id": subscription_id}
    payloads = [
        AlertQueued(**common, message_id=f"msg_{delivery_id.replace('-', '')}", claim_id=claim_id,
                    claim_event_id=new_id(), story_id=story_id, claim_observed_at=T0, first_attempt_at=T0,
                    payload={"type": "claim.observed", "version": 1}),
        WebhookAttempted(**common, attempt=1, url="https://desk.example/hook", status_code=400, latency_ms=12.5,
                         error="HTTP 400", outcome="dead_lettered"),
        WebhookDeadLettered(**common, attempts=1, last_error="HTTP 400"),
    ]
    stream = delivery_stream(delivery_id)
    async with db.transaction() as uow:
        await uow.record(stream, [Event.new(p, stream_id=stream, source="test/webhooks", subject=delivery_id)
                                  for p in payloads])


async def record_incident(db: Database, *payloads) -> None:
    """Incident events (`shared/events/incidents.py`), each on its incident's stream, as dedupe records them."""
    from shared.events.incidents import incident_stream

    async with db.transaction() as uow:
        for payload in payloads:
            stream = incident_stream(payload.incident_id)
            await uow.record(stream, [Event.new(payload, stream_id=stream, source="test/dedupe",
                                                subject=payload.incident_id)])
