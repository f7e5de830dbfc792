"""From a parsed document's raw entries to clean, identified, dated items."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import datetime

from services.ingest.item import IngestedItem, Source
from services.ingest.normalise import language
from services.ingest.normalise.canonical_url import canonical_url
from services.ingest.normalise.text import html_to_text_and_safe_html, plain_to_text, shorten, title_text
from services.ingest.parse.dates import parse_date, plausible
from services.ingest.parse.model import ParsedEntry, ParsedFeed

MAX_KEY_CHARS = 512


def normalise_feed(feed: ParsedFeed, source: Source, fetched_at: datetime) -> list[IngestedItem]:
    """Items for every entry that carries something to read, in document order."""
    guids = Counter(e.guid for e in feed.entries if e.guid)
    urls = Counter(canonical_url(e.link, e.base_url or source.url) for e in feed.entries)
    items = []
    for entry in feed.entries:
        item = normalise_entry(entry, feed, source, fetched_at, guids, urls)
        if item is not None:
            items.append(item)
    return items


def normalise_entry(entry: ParsedEntry, feed: ParsedFeed, source: Source, fetched_at: datetime,
                    guids: Counter, urls: Counter) -> IngestedItem | None:
    url = canonical_url(entry.link, entry.base_url or source.url)
    text, html = _body(entry)
    summary = _summary(entry)
    title = title_text(entry.title, "html" in entry.title_type) or shorten(text or summary or "")
    if not (title or text or url):
        return None
    published = entry.published or parse_date(entry.published_raw)
    updated = entry.updated or parse_date(entry.updated_raw)
    if not plausible(published, fetched_at) and plausible(updated, fetched_at):
        published = updated
    fallback = not plausible(published, fetched_at)
    return IngestedItem(
        source_id=source.id,
        item_key=item_key(entry.guid, guids, url, urls, title, text),
        guid=entry.guid,
        url=url,
        title=title,
        text=text or summary or title,
        html=html,
        summary=summary,
        published_at=fetched_at if fallback else published,
        updated_at=updated if plausible(updated, fetched_at) else None,
        published_fallback=fallback,
        language=language.choose(source.language, entry.language or feed.language, f"{title}\n{text}"),
        authors=entry.authors,
        tags=list(dict.fromkeys(t.strip() for t in entry.tags if t.strip())),
        fetched_at=fetched_at,
        source_url=source.url,
        source_kind=source.kind,
        source_owner=source.owner,
        source_country=source.country,
        source_official=source.official,
    )


def item_key(guid: str | None, guids: Counter, url: str | None, urls: Counter, title: str, text: str) -> str:
    """GUID when present and unique in the document, else canonical URL, else a content hash."""
    if guid and guids[guid] == 1:
        return _key("guid", guid)
    if url and urls[url] == 1:
        return _key("url", url)
    return "sha256:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def _key(prefix: str, value: str) -> str:
    if len(value) <= MAX_KEY_CHARS:
        return f"{prefix}:{value}"
    return f"{prefix}-sha256:" + hashlib.sha256(value.encode()).hexdigest()


def _body(entry: ParsedEntry) -> tuple[str, str | None]:
    raw, kind = (entry.content, entry.content_type) if entry.content else (entry.summary, entry.summary_type)
    if not raw:
        return "", None
    if "html" in kind:
        text, html = html_to_text_and_safe_html(raw, entry.base_url)
        return text, html or None
    return plain_to_text(raw), None


def _summary(entry: ParsedEntry) -> str | None:
    if not entry.summary:
        return None
    if "html" in entry.summary_type:
        return html_to_text_and_safe_html(entry.summary)[0] or None
    return plain_to_text(entry.summary) or None
