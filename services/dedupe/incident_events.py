"""The incident events that record a story's place: opened, joined (merging others), split."""

from __future__ import annotations

from services.dedupe.incidents.assign import Change, IncidentOutcome
from services.dedupe.incidents.decision import Similarity
from shared.events import Event
from shared.events.incidents import (
    Evidence,
    IncidentMerged,
    IncidentOpened,
    IncidentSplit,
    StoryJoinedIncident,
    incident_stream,
)
from shared.events.news import NewsItemIngested

SOURCE = "sitrep/dedupe"


def evidence(sim: Similarity | None) -> Evidence:
    if sim is None:
        return Evidence(score=0.0, words=0.0, free=0.0)
    return Evidence(score=sim.score, words=sim.words, free=sim.free, shared=list(sim.shared))


def incident_events(outcome: IncidentOutcome | None, story_id: str, item: NewsItemIngested,
                    caused_by: Event) -> list[Event]:
    """Events for what the second tier decided about ``story_id``, in the order they happened."""
    if outcome is None or outcome.change is Change.STAYED:
        return []
    reported_at = item.published_at
    events: list[Event] = []

    def add(payload, incident_id: str) -> None:
        events.append(Event.new(payload, stream_id=incident_stream(incident_id), source=SOURCE,
                                subject=incident_id, caused_by=caused_by))

    if outcome.change is Change.OPENED:
        add(IncidentOpened(incident_id=outcome.incident_id, story_id=story_id, title=item.title,
                           language=item.language, reported_at=reported_at, reason=outcome.reason), outcome.incident_id)
    elif outcome.change is Change.JOINED:
        for absorbed, sim in outcome.merged:
            add(IncidentMerged(incident_id=absorbed, into_incident_id=outcome.incident_id, story_id=story_id,
                               evidence=evidence(sim),
                               reason=f"story {story_id} reports both; they are one incident"), absorbed)
        add(StoryJoinedIncident(incident_id=outcome.incident_id, story_id=story_id, title=item.title,
                                language=item.language, reported_at=reported_at, story_count=outcome.story_count,
                                evidence=evidence(outcome.similarity)), outcome.incident_id)
    elif outcome.change is Change.SPLIT:
        assert outcome.left is not None
        add(IncidentSplit(incident_id=outcome.left, new_incident_id=outcome.incident_id, story_id=story_id,
                          evidence=evidence(outcome.similarity), reason=outcome.reason), outcome.left)
    return events
