"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from services.ingest.parse.dates import parse_date
from services.ingest.parse.encoding import decode_text
from services.ingest.parse.model import ParsedEntry, ParsedFeed, ParseError, ParseErrorKind, keep_first

VERSION_PREFIX = "https://jsonfeed.org/version/"


def looks_like_json(body: bytes) -> bool:
    return body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def parse_json_feed(body: bytes, headers: dict[str, str], base_url: str | None, max_items: int) -> ParsedFeed:
    text, used = decode_text(body, headers)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(ParseErrorKind.MALFORMED, f"invalid or truncated JSON: {exc}") from None
    except RecursionError:
        raise ParseError(ParseErrorKind.MALFORMED, "JSON nested too deeply") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise ParseError(ParseErrorKind.NOT_A_FEED, "JSON without an items list is not a JSON Feed")
    warnings: list[str] = []
    version = document.get("version")
    if not (isinstance(version, str) and version.startswith(VERSION_PREFIX)):
        warnings.append(f"unknown JSON Feed version {version!r}, read as 1.1")
        version = VERSION_PREFIX + "1.1"
    base = _str(document.get("home_page_url")) or _str(document.get("feed_url")) or base_url
    if base_url and base:
        base = urljoin(base_url, base)
    feed_authors = _authors(document)
    entries = [_entry(item, base, feed_authors) for item in document["items"] if isinstance(item, dict)]
    if len(entries) < len(document["items"]):
        warnings.append(f"skipped {len(document['items']) - len(entries)} items that are not objects")
    entries, dropped = keep_first(entries, max_items, warnings)
    return ParsedFeed(
        format="jsonfeed" + version.removeprefix(VERSION_PREFIX),
        entries=entries,
        title=_str(document.get("title")),
        link=base,
        language=_str(document.get("language")),
        encoding=used,
        warnings=warnings,
        dropped_entries=dropped,
    )


def _entry(item: dict[str, Any], base: str | None, feed_authors: list[str]) -> ParsedEntry:
    url = _str(item.get("url")) or _str(item.get("external_url"))
    html, plain = _str(item.get("content_html")), _str(item.get("content_text"))
    published_raw, updated_raw = _str(item.get("date_published")), _str(item.get("date_modified"))
    item_id = item.get("id")
    return ParsedEntry(
        guid=str(item_id).strip() or None if isinstance(item_id, (str, int, float)) else None,
        link=urljoin(base or "", url) if url else None,
        title=_str(item.get("title")),
        summary=_str(item.get("summary")),
        summary_type="text/plain",
        content=html or plain,
        content_type="text/html" if html else "text/plain",
        published=parse_date(published_raw),
        published_raw=published_raw,
        updated=parse_date(updated_raw),
        updated_raw=updated_raw,
        authors=_authors(item) or feed_authors,
        tags=[t for t in item.get("tags") or [] if isinstance(t, str) and t.strip()],
        language=_str(item.get("language")),
        base_url=base,
    )


def _authors(obj: dict[str, Any]) -> list[str]:
    people = obj.get("authors")
    if not isinstance(people, list):
        people = [obj["author"]] if isinstance(obj.get("author"), dict) else []
    return [name for p in people if isinstance(p, dict) and (name := _str(p.get("name")))]


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
