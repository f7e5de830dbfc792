"""Decides, for each ingested item, whether it starts a story, joins one, or is a repeat.

The decision, the index rows it files and the story event it records share the consumer's
transaction: either all of them happen, with the item's offset, or none does.
"""

from __future__ import annotations

import time

from services.dedupe import metrics
from services.dedupe.assign import assign_story
from services.dedupe.decision import Outcome
from services.dedupe.fingerprint import DedupeConfig, Fingerprint, Fingerprinter, Item
from services.dedupe.incident_events import incident_events
from services.dedupe.incidents.postgres import PgIncidentIndex
from services.dedupe.incidents.story import place_story
from services.dedupe.index.host_lines import PgHostLines
from services.dedupe.index.postgres import PgStoryIndex
from services.dedupe.story_events import story_event
from shared.events import Event
from shared.events.news import NewsItemIngested
from shared.ids import new_id
from shared.kafka.prepared import Prepared
from shared.logs import get_logger
from shared.unit_of_work import UnitOfWork

log = get_logger(__name__)


def dedupe_item(item: NewsItemIngested) -> Item:
    """What dedupe compares: the source entry's identity, its words, its URL and its time."""
    return Item(
        id=item.item_key, source=item.source_id, title=item.title, text=item.text or item.summary or "",
        url=item.url, published=item.published_at,
    )


class ItemHandler:
    def __init__(self, config: DedupeConfig) -> None:
        self.config = config
        self.fingerprint = Fingerprinter(config)
        self.fingerprints = Prepared(self.fingerprint_of)

    def fingerprint_of(self, event: Event) -> Fingerprint:
        """Before the transaction: without the host's learnt boilerplate, which is read inside it."""
        return self.fingerprint(dedupe_item(event.payload()), seen_at=event.time)

    async def without_boilerplate(self, hosts: PgHostLines, event: Event, fp: Fingerprint) -> Fingerprint:
        """The fingerprint again, when the item's host has learnt to repeat some of its lines."""
        boilerplate = await hosts.boilerplate(fp.host, fp.lines)
        if boilerplate <= fp.boilerplate:
            return fp
        return self.fingerprint(dedupe_item(event.payload()), seen_at=event.time, boilerplate=boilerplate,
                                lines=fp.lines)

    def prepare(self, events: list[Event]) -> None:
        self.fingerprints.prepare(events)

    async def __call__(self, uow: UnitOfWork, event: Event) -> None:
        started = time.perf_counter()
        item: NewsItemIngested = event.payload()
        await uow.lock()  # the log's lock first, then the index's: the same order in every writer
        hosts = PgHostLines(uow.conn)
        fp = await self.without_boilerplate(hosts, event, self.fingerprints.take(event))
        decision = await assign_story(PgStoryIndex(uow.conn), fp, self.config, new_story_id=new_id)
        incident = None
        if decision.outcome is not Outcome.REPEAT:
            await hosts.observe(fp.host, fp.lines)
            incident = await place_story(PgIncidentIndex(uow.conn), decision, fp, item.language, self.config, new_id)
            story = await story_event(uow.conn, decision, event, item, incident.incident_id if incident else None)
            await uow.record(story.stream_id, [story])
            assert decision.story_id is not None
            for fact in incident_events(incident, decision.story_id, item, caused_by=event):
                await uow.record(fact.stream_id, [fact])
        report = log.debug if decision.outcome is Outcome.REPEAT else log.info
        report(
            "item_deduplicated", outcome=decision.outcome.value, story_id=decision.story_id,
            method=decision.method.value if decision.method else None, similarity=decision.similarity,
            rejected=len(decision.rejected), source_id=item.source_id,
            incident_id=incident.incident_id if incident else None, incident=incident.change.value if incident else None,
        )
        elapsed = time.perf_counter() - started
        uow.on_commit(lambda: metrics.observe(decision, elapsed, incident))
