"""Turn a fetched document into entries, whatever kind of source it came from."""


from __future__ import annotations

from typing import Any

from services.ingest.parse.html_listing import parse_html_listing
from services.ingest.parse.jsonfeed import looks_like_json, parse_json_feed
from services.ingest.parse.model import DEFAULT_MAX_ITEMS, SOURCE_KINDS, ParsedFeed, ParseError, ParseErrorKind
from services.ingest.parse.rss import parse_rss
from services.ingest.parse.telegram import parse_telegram


def parse_document(
    kind: str,
    body: bytes,
    headers: dict[str, str] | None = None,
    base_url: str | None = None,
    config: dict[str, Any] | None = None,
    *,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> ParsedFeed:
    """Parse one document of a source of `kind`.

    `rss` covers every XML dialect and JSON Feed too (a feed URL may serve
    either); `html` needs CSS selectors in `config`.
    """
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    if not body.strip():
        raise ParseError(ParseErrorKind.EMPTY, "empty document")
    if kind == "json" or (kind == "rss" and looks_like_json(body)):
        return parse_json_feed(body, headers, base_url, max_items)
    if kind == "rss":
        return parse_rss(body, headers, base_url, max_items)
    if kind == "html":
        return parse_html_listing(body, headers, base_url, config, max_items)
    if kind == "telegram":
        return parse_telegram(body, headers, base_url, max_items)
    raise ParseError(ParseErrorKind.BAD_CONFIG, f"unknown source kind {kind!r}; expected one of {SOURCE_KINDS}")
