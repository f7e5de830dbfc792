"""The normalised item: the payload of `news.item.ingested` v1."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Source:
    """What the feed registry knows about a source, as ingest needs it."""

    id: str
    url: str
    kind: str = "rss"
    owner: str | None = None
    """Who speaks through it: the default claimant for an official channel."""
    country: str | None = None
    language: str | None = None
    official: bool = False
    config: dict[str, Any] = field(default_factory=dict)
    """Kind-specific settings, e.g. an html source's CSS selectors."""


@dataclass(frozen=True)
class IngestedItem:
    source_id: str
    item_key: str
    """Identity within the source: guid:…, url:… or sha256:…"""
    guid: str | None
    url: str | None
    title: str
    text: str
    html: str | None
    summary: str | None
    published_at: datetime
    updated_at: datetime | None
    published_fallback: bool
    """The document gave no believable date; published_at is the fetch time."""
    language: str | None
    authors: list[str]
    tags: list[str]
    fetched_at: datetime
    source_url: str
    source_kind: str
    source_owner: str | None
    source_country: str | None
    source_official: bool

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
        return data
