"""A page that lists press releases without a feed, read with the source's CSS selectors.

Source config (`selectors`)::

    {"item": "div.news-item", "title": "h3", "link": "a", "date": ".date",
     "summary": "p.lead", "date_formats": ["%d.%m.%Y"], "languages": ["hy", "ru"],
     "timezone": "Asia/Yerevan"}

Only `item` is required: the link defaults to the item's first `a[href]` and
the title to that link's text.  A date comes from a `datetime` attribute when
the element has one, else from its text in the page's own format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import dateparser
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from services.ingest.parse.dates import as_utc, parse_date, zone
from services.ingest.parse.encoding import decode_text
from services.ingest.parse.model import ParsedEntry, ParsedFeed, ParseError, ParseErrorKind, keep_first


@dataclass(frozen=True)
class ListingSelectors:
    item: str
    title: str | None = None
    link: str = "a[href]"
    date: str | None = None
    summary: str | None = None
    date_formats: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    timezone: str | None = None

    @classmethod
    def from_config(cls, config: dict[str, Any] | None) -> ListingSelectors:
        config = (config or {}).get("selectors", config) or {}
        if not isinstance(config, dict) or not isinstance(config.get("item"), str):
            raise ParseError(ParseErrorKind.BAD_CONFIG, "an html source needs selectors with at least 'item'")
        unknown = set(config) - set(cls.__dataclass_fields__)
        if unknown:
            raise ParseError(ParseErrorKind.BAD_CONFIG, f"unknown selector keys: {sorted(unknown)}")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in config.items()}
        return cls(**values)


def parse_html_listing(body: bytes, headers: dict[str, str], base_url: str | None,
                       config: dict[str, Any] | None, max_items: int) -> ParsedFeed:
    selectors = ListingSelectors.from_config(config)
    text, used = decode_text(body, headers, sniff_html=True)
    tree = HTMLParser(text)
    base = _base(tree, base_url)
    try:
        items = tree.css(selectors.item)
    except Exception as exc:  # selectolax reports bad CSS with a bare exception type
        raise ParseError(ParseErrorKind.BAD_CONFIG, f"bad item selector {selectors.item!r}: {exc}") from None
    if not items:
        raise ParseError(ParseErrorKind.EMPTY, f"no element matches {selectors.item!r}")
    warnings: list[str] = []
    entries = [entry for node in items if (entry := _entry(node, selectors, base))]
    if len(entries) < len(items):
        warnings.append(f"skipped {len(items) - len(entries)} items with neither title nor link")
    if not entries:
        raise ParseError(ParseErrorKind.EMPTY, "matched items carry neither title nor link")
    entries, dropped = keep_first(entries, max_items, warnings)
    title = tree.css_first("title")
    lang = (tree.css_first("html").attributes.get("lang") if tree.css_first("html") else None) or None
    return ParsedFeed(format="html", entries=entries, title=title.text(strip=True) if title else None,
                      link=base, language=lang, encoding=used, warnings=warnings, dropped_entries=dropped)


def _entry(node: Node, sel: ListingSelectors, base: str | None) -> ParsedEntry | None:
    link_node = _first(node, sel.link)
    href = (link_node.attributes.get("href") or "").strip() if link_node else ""
    title_node = _first(node, sel.title) if sel.title else link_node
    title = title_node.text(separator=" ", strip=True) if title_node else None
    if not href and not title:
        return None
    date_node = _first(node, sel.date) if sel.date else node.css_first("time")
    raw_date = _date_text(date_node)
    summary_node = _first(node, sel.summary) if sel.summary else None
    return ParsedEntry(
        link=urljoin(base or "", href) if href else None,
        title=title,
        summary=summary_node.html if summary_node else None,
        published=_parse_listing_date(raw_date, sel),
        published_raw=raw_date,
        base_url=base,
    )


def _first(node: Node, selector: str) -> Node | None:
    try:
        return node.css_first(selector)
    except Exception as exc:
        raise ParseError(ParseErrorKind.BAD_CONFIG, f"bad selector {selector!r}: {exc}") from None


def _date_text(node: Node | None) -> str | None:
    if node is None:
        return None
    for attribute in ("datetime", "content", "data-date"):
        if value := (node.attributes.get(attribute) or "").strip():
            return value
    return node.text(separator=" ", strip=True) or None


def _parse_listing_date(raw: str | None, sel: ListingSelectors) -> datetime | None:
    if not raw:
        return None
    local = zone(sel.timezone)
    for fmt in sel.date_formats:
        try:
            return as_utc(datetime.strptime(raw, fmt), local)
        except ValueError:
            continue
    settings = {"TIMEZONE": sel.timezone or "UTC", "RETURN_AS_TIMEZONE_AWARE": True,
                "TO_TIMEZONE": "UTC", "PREFER_DATES_FROM": "past"}
    try:
        found = dateparser.parse(raw, languages=list(sel.languages) or None, settings=settings)
        return as_utc(found) if found else parse_date(raw, local)
    except (ValueError, OverflowError):  # a time datetime cannot hold once in UTC
        return None


def _base(tree: HTMLParser, base_url: str | None) -> str | None:
    base = tree.css_first("base[href]")
    return urljoin(base_url or "", base.attributes["href"] or "") if base else base_url
