"""Incidents as dedupe records them: the second tier above stories.

An incident is one real-world event ("missile strike on Ganja, night of 11 October") with every
story that reports it, whoever wrote it and in whatever language. Its stream `incident-<id>`
holds the facts, each with its reason: opened by a story, joined by others, merged into another
incident (a story showed both were one), split (a story left it). A story is in one incident.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from shared.events.registry import EventPayload


class Evidence(BaseModel):
    """Why: the similarity of what the story and the incident report, and what they share."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    score: float
    words: float
    free: float
    """Across languages: names, kinds of event, counts and dates."""
    shared: list[str] = []
    """The shared keys that weigh most ("s:knj" a name, "c:missile" a kind of event, "w:ракет" a word)."""


class IncidentOpened(EventPayload):
    event_type = "incident.opened"

    incident_id: str
    story_id: str
    title: str
    language: str | None = None
    reported_at: datetime
    """The time of the story that opened it (its item's publication, else when it was seen)."""
    reason: str


class StoryJoinedIncident(EventPayload):
    event_type = "story.joined_incident"

    incident_id: str
    story_id: str
    title: str
    language: str | None = None
    reported_at: datetime
    story_count: int
    """Stories of the incident with this one."""
    evidence: Evidence


class IncidentMerged(EventPayload):
    event_type = "incident.merged"

    incident_id: str
    """The incident absorbed; its stories are now in `into_incident_id`."""
    into_incident_id: str
    story_id: str
    """The story that reported both."""
    evidence: Evidence
    reason: str


class IncidentSplit(EventPayload):
    event_type = "incident.split"

    incident_id: str
    """The incident the story left."""
    new_incident_id: str
    story_id: str
    evidence: Evidence
    reason: str


def incident_stream(incident_id: str) -> str:
    return f"incident-{incident_id}"
