"""Find the feeds a web page advertises with <link rel="alternate">."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from services.ingest.parse.encoding import decode_text

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "rss",
    "application/rdf+xml": "rss",
    "application/feed+json": "rss",
    "application/json": "rss",
    "text/xml": "rss",
    "application/xml": "rss",
}


@dataclass(frozen=True)
class DiscoveredFeed:
    url: str
    type: str
    title: str | None
    kind: str


def discover_feeds(body: bytes, headers: dict[str, str], page_url: str) -> list[DiscoveredFeed]:
    text, _ = decode_text(body, {k.lower(): v for k, v in headers.items()}, sniff_html=True)
    tree = LexborHTMLParser(text)
    base_node = tree.css_first("base[href]")
    base = urljoin(page_url, base_node.attributes.get("href") or "") if base_node else page_url
    found: dict[str, DiscoveredFeed] = {}
    for link in tree.css("link[rel][href][type]"):
        rels = (link.attributes.get("rel") or "").lower().split()
        mime = (link.attributes.get("type") or "").split(";")[0].strip().lower()
        href = (link.attributes.get("href") or "").strip()
        if "alternate" not in rels or mime not in FEED_TYPES or not href:
            continue
        url = urljoin(base, href)
        if url.startswith(("http://", "https://")) and url not in found:
            title = (link.attributes.get("title") or "").strip() or None
            found[url] = DiscoveredFeed(url, mime, title, FEED_TYPES[mime])
    return list(found.values())
