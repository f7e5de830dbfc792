"""Check one source: fetch it, parse and normalise the document, say what happened (no database).

`process_document` is the part without I/O: a fetched document to normalised items.

Whatever goes wrong ends as a `Failed` with a kind — a fetch error kind (timeout, too_large, …),
`http_status` with the status, or a parse error kind (not_a_feed, xml_entities, malformed, …) —
so the recorder can schedule the retry and the metrics can count it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field, replace
from datetime import datetime

from services.ingest import metrics
from services.ingest.fetch.fetcher import Fetcher, FetchError, FetchErrorKind, FetchResult
from services.ingest.item import IngestedItem, Source
from services.ingest.normalise.entries import normalise_feed
from services.ingest.parse.document import parse_document
from services.ingest.parse.model import DEFAULT_MAX_ITEMS, ParsedFeed, ParseError
from services.ingest.schedule.timing import FeedHints


def process_document(source: Source, body: bytes, headers: dict[str, str], fetched_at: datetime, *,
                     base_url: str | None = None,
                     max_items: int = DEFAULT_MAX_ITEMS) -> tuple[ParsedFeed, list[IngestedItem]]:
    """Raises ParseError when the document yields nothing usable."""
    feed = parse_document(source.kind, body, headers, base_url or source.url, source.config, max_items=max_items)
    return feed, normalise_feed(feed, source, fetched_at)


@dataclass(frozen=True)
class Fetched:
    """A 200 with a readable document, or a 304."""

    status: int
    etag: str | None
    last_modified: str | None
    permanent_url: str | None
    hints: FeedHints
    items: list[IngestedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    content_hash: str | None = None
    unchanged: bool = False
    """The same document as last time, not parsed again."""

    @property
    def outcome(self) -> str:
        return str(self.status)

    @property
    def published(self) -> list[datetime]:
        """Believable publication dates, which set the source's rhythm."""
        return [item.published_at for item in self.items if not item.published_fallback]


@dataclass(frozen=True)
class Failed:
    kind: str
    message: str
    status: int | None = None
    retry_after: float | None = None

    @property
    def outcome(self) -> str:
        return str(self.status) if self.kind == FetchErrorKind.HTTP_STATUS and self.status else self.kind


Outcome = Fetched | Failed


async def check_source(fetcher: Fetcher, source: Source, *, etag: str | None, last_modified: str | None,
                       now: datetime, max_items: int, content_hash: str | None = None) -> Outcome:
    """`content_hash` is the last document's fingerprint: the same document again is not parsed."""
    started = time.perf_counter()
    try:
        result = await fetcher.fetch(source.url, etag=etag, last_modified=last_modified)
    except FetchError as exc:
        metrics.fetch_seconds.observe(time.perf_counter() - started)
        return Failed(exc.kind.value, exc.message, exc.status, exc.retry_after)
    metrics.fetch_seconds.observe(result.elapsed)
    metrics.fetched_bytes.labels(source.id).inc(result.wire_bytes)
    server_hints = FeedHints(max_age=result.max_age, retry_after=result.retry_after)
    if result.not_modified:
        return _fetched(result, server_hints)
    fingerprint = document_hash(source, result.body)
    if fingerprint == content_hash:
        return replace(_fetched(result, server_hints), content_hash=fingerprint, unchanged=True)
    started = time.perf_counter()
    try:
        feed, items = await asyncio.to_thread(
            process_document, source, result.body, result.headers, now,
            base_url=result.final_url, max_items=max_items,
        )
    except ParseError as exc:
        return Failed(exc.kind.value, exc.message, result.status)
    finally:
        metrics.parse_seconds.observe(time.perf_counter() - started)
    hints = FeedHints(max_age=result.max_age, retry_after=result.retry_after, ttl_minutes=feed.ttl_minutes,
                      skip_hours=feed.skip_hours, skip_days=feed.skip_days)
    return replace(_fetched(result, hints, items, feed.warnings), content_hash=fingerprint)


def document_hash(source: Source, body: bytes) -> str:
    """The body as read with this source's settings: new selectors make the same page new."""
    settings = json.dumps([source.kind, source.config], sort_keys=True, default=str).encode()
    return hashlib.sha256(settings + b"\0" + body).hexdigest()


def _fetched(result: FetchResult, hints: FeedHints, items: list[IngestedItem] | None = None,
             warnings: list[str] | None = None) -> Fetched:
    return Fetched(
        status=result.status,
        etag=result.etag,
        last_modified=result.last_modified,
        permanent_url=result.permanent_url,
        hints=hints,
        items=items or [],
        warnings=warnings or [],
    )
