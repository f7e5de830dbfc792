"""The feed registry's events: sources are registered, changed and removed as facts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.events.registry import EventPayload

FeedKind = Literal["rss", "html", "telegram"]


class FeedSettings(BaseModel):
    """What an operator can set on a source; also the shape of `feed.updated`'s changes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    kind: FeedKind = "rss"
    title: str | None = None
    owner: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    language: str | None = Field(default=None, description="BCP 47 / ISO 639-1")
    official: bool = False
    min_interval_s: int = 60
    max_interval_s: int = 3600
    fetch_full_text: bool = False
    config: dict[str, Any] = Field(default_factory=dict, description="kind-specific, e.g. CSS selectors")


class FeedRegistered(EventPayload):
    event_type = "feed.registered"
    feed_id: str
    settings: FeedSettings


class FeedUpdated(EventPayload):
    event_type = "feed.updated"
    feed_id: str
    changes: dict[str, Any]
    reason: str | None = None


class FeedRemoved(EventPayload):
    event_type = "feed.removed"
    feed_id: str
    reason: str | None = None


class FeedHealthChanged(EventPayload):
    """A source turned unhealthy after failing for long, or recovered: transitions only."""

    event_type = "feed.health_changed"
    feed_id: str
    healthy: bool
    consecutive_failures: int
    failing_since: datetime | None = None
    error_kind: str | None = None
    error: str | None = None


def feed_stream(feed_id: str) -> str:
    return f"feed-{feed_id}"
