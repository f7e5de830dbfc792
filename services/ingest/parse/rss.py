"""RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF through feedparser, behind the entity guard."""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin, urlsplit

import feedparser

from services.ingest.parse import encoding
from services.ingest.parse.dates import from_struct
from services.ingest.parse.model import ParsedEntry, ParsedFeed, ParseError, ParseErrorKind, keep_first
from services.ingest.parse.xml_guard import refuse_dangerous_entities

_SKIP_HOURS = re.compile(rb"<skipHours\b[^>]*>(.*?)</skipHours>", re.IGNORECASE | re.DOTALL)
_SKIP_DAYS = re.compile(rb"<skipDays\b[^>]*>(.*?)</skipDays>", re.IGNORECASE | re.DOTALL)
_HOUR = re.compile(rb"<hour\b[^>]*>\s*(\d{1,2})\s*</hour>", re.IGNORECASE)
_DAY = re.compile(rb"<day\b[^>]*>\s*(\w+)\s*</day>", re.IGNORECASE)
_HTML_PAGE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.IGNORECASE | re.DOTALL)
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def run_feedparser(body: bytes, headers: dict[str, str], base_url: str | None) -> feedparser.FeedParserDict:
    """feedparser on a document already past the entity guard.

    The body goes in as a stream: handed bytes, feedparser would first try
    them as a file name.  The base URL travels as Content-Location, as it
    would from a server.
    """
    refuse_dangerous_entities(body)
    headers = {k.lower(): v for k, v in headers.items()}
    location = urljoin(base_url or "", headers.get("content-location") or "")
    if urlsplit(location).scheme in ("http", "https"):
        headers["content-location"] = location
    elif base_url:
        headers["content-location"] = base_url
    headers.setdefault("content-type", "application/xml")
    if guessed := encoding.xml_needs_guess(body, headers):
        content_type = headers.get("content-type", "application/xml").split(";")[0]
        headers["content-type"] = f"{content_type}; charset={guessed}"
    result = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if guessed:
        result["encoding_guessed"] = True
    return result


def parse_rss(body: bytes, headers: dict[str, str], base_url: str | None, max_items: int) -> ParsedFeed:
    result = run_feedparser(body, headers, base_url)
    version, entries = result.get("version", ""), result.get("entries", [])
    problem = result.get("bozo_exception")
    if not entries:
        if _HTML_PAGE.match(body[:1024]):
            raise ParseError(ParseErrorKind.NOT_A_FEED, "an HTML page, not a feed (does it advertise one?)")
        if result.get("bozo"):
            raise ParseError(ParseErrorKind.MALFORMED, f"no entries from a malformed document: {problem}")
        if not version:
            raise ParseError(ParseErrorKind.NOT_A_FEED, "not an RSS, Atom or CDF document")
    warnings = [f"malformed document, read anyway: {problem}"] if result.get("bozo") else []
    if result.get("encoding_guessed"):
        warnings.append(f"no declared encoding; guessed {result.get('encoding')}")
    feed = result.get("feed", {})
    parsed, dropped = keep_first([_entry(e) for e in entries], max_items, warnings)
    if result.get("bozo") and not any(e.guid or e.link or e.title or e.summary or e.content for e in parsed):
        raise ParseError(ParseErrorKind.MALFORMED, f"no usable entry in a malformed document: {problem}")
    skip_hours, skip_days = _skips(body)
    return ParsedFeed(
        format=version or "unknown",
        entries=parsed,
        title=feed.get("title"),
        link=feed.get("link"),
        language=feed.get("language"),
        encoding=result.get("encoding"),
        ttl_minutes=_int(feed.get("ttl")),
        skip_hours=skip_hours,
        skip_days=skip_days,
        warnings=warnings,
        dropped_entries=dropped,
    )


def _entry(e: feedparser.FeedParserDict) -> ParsedEntry:
    content = _best_content(e.get("content") or [])
    title_detail = e.get("title_detail") or {}
    summary_detail = e.get("summary_detail") or {}
    detail = content or summary_detail or title_detail
    raw = lambda key: dict.get(e, key)  # noqa: E731 - FeedParserDict.get swaps updated and published
    published_raw = raw("published") or raw("created")
    published = from_struct(raw("published_parsed") or raw("created_parsed"))
    return ParsedEntry(
        guid=(e.get("id") or "").strip() or None,
        link=(e.get("link") or "").strip() or None,
        title=e.get("title"),
        title_type=title_detail.get("type", "text/plain"),
        summary=e.get("summary"),
        summary_type=summary_detail.get("type", "text/html"),
        content=content.get("value") if content else None,
        content_type=content.get("type", "text/html") if content else "text/html",
        published=published,
        published_raw=published_raw,
        updated=from_struct(raw("updated_parsed")),
        updated_raw=raw("updated"),
        authors=_authors(e),
        tags=[t for t in (tag.get("term") or tag.get("label") for tag in e.get("tags") or []) if t],
        language=detail.get("language"),
        base_url=detail.get("base"),
    )


def _best_content(contents: list[dict]) -> dict | None:
    """The richest of several content elements (HTML over plain text, then the longest)."""
    if not contents:
        return None
    return max(contents, key=lambda c: ("html" in c.get("type", ""), len(c.get("value") or "")))


def _authors(e: feedparser.FeedParserDict) -> list[str]:
    names = [a.get("name") or a.get("email") for a in e.get("authors") or []]
    if not any(names) and e.get("author"):
        names = [e["author"]]
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _skips(body: bytes) -> tuple[frozenset[int], frozenset[str]]:
    hours: set[int] = set()
    days: set[str] = set()
    if block := _SKIP_HOURS.search(body):
        hours = {int(h) % 24 for h in _HOUR.findall(block.group(1)) if int(h) <= 24}
    if block := _SKIP_DAYS.search(body):
        days = {d.decode().lower() for d in _DAY.findall(block.group(1))} & set(DAYS)
    return frozenset(hours), frozenset(days)


def _int(value: object) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
