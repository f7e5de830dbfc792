"""A fetched document to normalised items: parse, then normalise (no I/O)."""

from __future__ import annotations

from datetime import datetime

from services.ingest.item import IngestedItem, Source
from services.ingest.normalise import normalise_feed
from services.ingest.parsers import ParsedFeed, parse_document
from services.ingest.parsers.model import DEFAULT_MAX_ITEMS


def process_document(source: Source, body: bytes, headers: dict[str, str], fetched_at: datetime, *,
                     base_url: str | None = None,
                     max_items: int = DEFAULT_MAX_ITEMS) -> tuple[ParsedFeed, list[IngestedItem]]:
    """Raises ParseError when the document yields nothing usable."""
    feed = parse_document(source.kind, body, headers, base_url or source.url, source.config, max_items=max_items)
    return feed, normalise_feed(feed, source, fetched_at)
