"""Story events as dedupe publishes them to `news.stories`.

Each carries the item that started or joined the story, so the alerts service can read claims
from it without a lookup.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shared.events.registry import EventPayload

MergeMethod = Literal["guid", "url", "text_hash", "title", "minhash", "containment", "simhash", "lead"]
"""How an item was found to be a copy: services/dedupe/decision.py's methods ("guid" is accepted,
never written: the same source entry again is a repeat and records nothing)."""


class StoryItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    item_event_id: str
    item_stream_id: str
    source_id: str
    source_owner: str | None = None
    source_country: str | None = None
    source_official: bool = False
    url: str | None = None
    title: str = ""
    text: str = ""
    language: str | None = None
    published_at: datetime


class StoryStarted(EventPayload):
    event_type = "story.started"

    story_id: str
    item: StoryItem
    first_seen_at: datetime
    incident_id: str | None = None
    """The incident the story reports (`shared/events/incidents.py`), decided in the same transaction."""


class StoryItemMerged(EventPayload):
    event_type = "story.item_merged"

    story_id: str
    item: StoryItem
    method: MergeMethod
    similarity: float
    source_count: int
    """Distinct sources of the story, this item's included."""
    incident_id: str | None = None
    """The story's incident once this item joined (another one if the item split the story off)."""


def story_stream(story_id: str) -> str:
    return f"story-{story_id}"
