"""Handles each story event: reads the claims in its item, records each with its novelty, and
queues alerts for the subscriptions that want them."""

from __future__ import annotations

from collections.abc import Callable

from services.alerts.alerting import queue_alerts
from services.alerts.item_claims import one_per_fact
from services.alerts.novelty import identity_key
from services.alerts.observations import observe_claim
from shared.claims.extract import extract_claims
from shared.claims.restatements import fold_headline
from shared.events import Event
from shared.events.claims import Evidence
from shared.events.stories import StoryItem
from shared.kafka.prepared import Prepared
from shared.logs import get_logger
from shared.unit_of_work import UnitOfWork

log = get_logger(__name__)


def item_text(item: StoryItem) -> str:
    """The text claims are read from: the title as its own first line, then the body.
    Evidence offsets count from the start of this text."""
    return f"{item.title}\n\n{item.text}" if item.title else item.text


def default_claimant(item: StoryItem) -> str | None:
    """An official channel speaks for its owner when the text names nobody."""
    return item.source_owner if item.source_official else None


def evidence_for(claim, story_id: str, item: StoryItem) -> Evidence:
    return Evidence(
        sentence=claim.sentence, start=claim.start, end=claim.end, story_id=story_id,
        item_event_id=item.item_event_id, item_stream_id=item.item_stream_id, source_id=item.source_id,
        source_url=item.url, source_owner=item.source_owner, source_official=item.source_official,
        source_country=item.source_country, language=item.language, title=item.title,
        published_at=item.published_at,
    )


class StoryHandler:
    def __init__(self, *, api_url: str, first_delay_s: float = 0.0, extract: Callable = extract_claims) -> None:
        self.api_url = api_url
        self.first_delay_s = first_delay_s
        self.extract = extract
        self.claims = Prepared(self.claims_in)

    def claims_in(self, event: Event) -> list:
        item: StoryItem = event.payload().item
        text = item_text(item)
        claims = fold_headline(self.extract(text, item.published_at.date(), default_claimant(item), item.language), text)
        return one_per_fact(claims, default_claimant(item))

    def prepare(self, events: list[Event]) -> None:
        self.claims.prepare(events)

    async def __call__(self, uow: UnitOfWork, event: Event) -> None:
        story = event.payload()
        item: StoryItem = story.item
        found = self.claims.take(event)
        seen: set[str] = set()
        queued = 0
        for claim in found:
            if (key := identity_key(claim)) in seen:
                continue  # the same claim twice in one item (headline and body) is one observation
            seen.add(key)
            recorded = await observe_claim(uow, claim, evidence_for(claim, story.story_id, item), caused_by=event)
            if recorded is None:
                continue
            stored, observed = recorded
            queued += len(await queue_alerts(uow, stored, observed, api_url=self.api_url, first_delay_s=self.first_delay_s))
        log.info("story_read", story_id=story.story_id, type=event.type, claims=len(found), alerts=queued)
