"""Items as ingest publishes them to `news.items`."""

from __future__ import annotations

import hashlib
from datetime import datetime

from shared.events.registry import EventPayload


class NewsItemIngested(EventPayload):
    event_type = "news.item.ingested"

    source_id: str
    source_url: str
    source_kind: str
    source_owner: str | None = None
    source_country: str | None = None
    source_official: bool = False
    item_key: str
    guid: str | None = None
    url: str | None = None
    title: str = ""
    text: str = ""
    html: str | None = None
    summary: str | None = None
    published_at: datetime
    updated_at: datetime | None = None
    published_fallback: bool = False
    language: str | None = None
    authors: list[str] = []
    tags: list[str] = []
    fetched_at: datetime


def item_stream(source_id: str, item_key: str) -> str:
    """One stream per source entry, so the same entry can only be ingested once (version 1)."""
    digest = hashlib.sha256(f"{source_id}\x00{item_key}".encode()).hexdigest()[:32]
    return f"item-{digest}"
