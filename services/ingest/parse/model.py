"""What every parser produces: the entries' raw fields and the feed's scheduling hints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

DEFAULT_MAX_ITEMS = 500
SOURCE_KINDS = ("rss", "json", "html", "telegram")


class ParseErrorKind(StrEnum):
    MALFORMED = "malformed"
    NOT_A_FEED = "not_a_feed"
    EMPTY = "empty"
    XML_ENTITIES = "xml_entities"
    BAD_CONFIG = "bad_config"


class ParseError(Exception):
    def __init__(self, kind: ParseErrorKind, message: str) -> None:
        super().__init__(f"{kind.value}: {message}")
        self.kind = kind
        self.message = message


@dataclass
class ParsedEntry:
    guid: str | None = None
    link: str | None = None
    title: str | None = None
    title_type: str = "text/plain"
    summary: str | None = None
    summary_type: str = "text/html"
    content: str | None = None
    content_type: str = "text/html"
    published: datetime | None = None
    published_raw: str | None = None
    updated: datetime | None = None
    updated_raw: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    base_url: str | None = None


@dataclass
class ParsedFeed:
    format: str
    """Dialect found, e.g. rss20, atom10, jsonfeed1.1, html, telegram."""
    entries: list[ParsedEntry]
    title: str | None = None
    link: str | None = None
    language: str | None = None
    encoding: str | None = None
    ttl_minutes: int | None = None
    skip_hours: frozenset[int] = frozenset()
    skip_days: frozenset[str] = frozenset()
    warnings: list[str] = field(default_factory=list)
    dropped_entries: int = 0
    """Entries past the per-document limit."""


def keep_first(entries: list[ParsedEntry], max_items: int, feed_warnings: list[str]) -> tuple[list[ParsedEntry], int]:
    if len(entries) <= max_items:
        return entries, 0
    feed_warnings.append(f"kept the first {max_items} of {len(entries)} entries")
    return entries[:max_items], len(entries) - max_items
