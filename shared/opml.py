"""OPML 2.0, the list format feed readers exchange, with sitrep's settings in a namespace.

Each `<outline>` with an `xmlUrl` is a source; outlines without one only group others. sitrep's
settings ride on the outline as `sitrep:` attributes (https://sitrep.dev/ns/opml/1; see
sources/README.md): kind, owner, country, language, official, selectors, and for a full round
trip minInterval, maxInterval, fullText and config. Attributes an outline does not carry are
not set, so importing a pack never resets what an operator chose for a source. Pure: bytes in,
settings out, and back.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from pydantic import ValidationError

from shared.events.feeds import FeedSettings

NS = "https://sitrep.dev/ns/opml/1"
KINDS_IN = {"rss": "rss", "atom": "rss", "rdf": "rss", "jsonfeed": "rss", "json": "rss", "html_listing": "html",
            "html": "html", "telegram": "telegram"}
"""An OPML kind to ingest's kind: Atom, RDF and JSON Feed are read by the `rss` parser."""
KINDS_OUT = {"rss": "rss", "html": "html_listing", "telegram": "telegram"}
MAX_BYTES = 5 * 1024 * 1024
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class OpmlError(ValueError):
    pass


@dataclass(frozen=True)
class Outline:
    """One source of the file, with the place it stands in it (for error messages)."""

    number: int
    settings: FeedSettings


def _attr(element: ET.Element, name: str) -> str | None:
    value = element.get(f"{{{NS}}}{name}")
    return value.strip() if value is not None and value.strip() else None


def _flag(text: str, name: str) -> bool:
    if text.lower() in ("true", "1", "yes"):
        return True
    if text.lower() in ("false", "0", "no"):
        return False
    raise OpmlError(f"sitrep:{name} must be true or false, not {text!r}")


def _json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise OpmlError(f"sitrep:{name} is not JSON: {exc}") from None


def _settings(element: ET.Element) -> FeedSettings:
    given: dict[str, Any] = {"url": element.get("xmlUrl", "").strip()}
    title = (element.get("title") or element.get("text") or "").strip()
    if title and title != given["url"]:  # an untitled source is written with its URL as its text
        given["title"] = title
    if kind := _attr(element, "kind"):
        if kind.lower() not in KINDS_IN:
            raise OpmlError(f"sitrep:kind {kind!r} is not one of {', '.join(sorted(KINDS_IN))}")
        given["kind"] = KINDS_IN[kind.lower()]
    for field, name in (("owner", "owner"), ("country", "country")):
        if value := _attr(element, name):
            given[field] = value
    if language := _attr(element, "language") or (element.get("language") or "").strip():
        given["language"] = language
    if (official := _attr(element, "official")) is not None:
        given["official"] = _flag(official, "official")
    if (full_text := _attr(element, "fullText")) is not None:
        given["fetch_full_text"] = _flag(full_text, "fullText")
    for field, name in (("min_interval_s", "minInterval"), ("max_interval_s", "maxInterval")):
        if (value := _attr(element, name)) is not None:
            if not value.isdigit():
                raise OpmlError(f"sitrep:{name} must be a whole number of seconds, not {value!r}")
            given[field] = int(value)
    config = dict(_json(raw, "config")) if (raw := _attr(element, "config")) else {}
    if selectors := _attr(element, "selectors"):
        config["selectors"] = _json(selectors, "selectors")
    if config:
        given["config"] = config
    try:
        return FeedSettings(**given)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise OpmlError(problems) from None


def read_opml(data: bytes) -> list[Outline]:
    """Every source of an OPML document, in document order; OpmlError names the first bad one."""
    if len(data) > MAX_BYTES:
        raise OpmlError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    if _DTD.search(data[:4096]) or b"<!ENTITY" in data:
        raise OpmlError("a document type declaration is not allowed in OPML")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not well-formed XML: {exc}") from None
    if root.tag != "opml" or root.find("body") is None:
        raise OpmlError("not an OPML document (no <opml> with a <body>)")
    found: list[Outline] = []
    for number, element in enumerate(root.find("body").iter("outline"), start=1):
        if not element.get("xmlUrl"):
            continue
        try:
            found.append(Outline(number, _settings(element)))
        except OpmlError as exc:
            raise OpmlError(f"outline {number} ({element.get('xmlUrl')}): {exc}") from None
    seen: dict[str, int] = {}
    for outline in found:
        if (first := seen.setdefault(outline.settings.url, outline.number)) != outline.number:
            raise OpmlError(f"outline {outline.number} repeats the xmlUrl of outline {first}: {outline.settings.url}")
    return found


def _outline(parent: ET.Element, feed: Mapping[str, Any]) -> None:
    settings = FeedSettings.model_validate({k: feed[k] for k in FeedSettings.model_fields if k in feed})
    defaults = FeedSettings(url=settings.url)
    attributes = {"type": "rss", "text": settings.title or settings.url}
    if settings.title:
        attributes["title"] = settings.title
    attributes["xmlUrl"] = settings.url
    ours = {"kind": KINDS_OUT[settings.kind], "owner": settings.owner, "country": settings.country,
            "language": settings.language, "official": "true" if settings.official else "false"}
    if settings.min_interval_s != defaults.min_interval_s:
        ours["minInterval"] = str(settings.min_interval_s)
    if settings.max_interval_s != defaults.max_interval_s:
        ours["maxInterval"] = str(settings.max_interval_s)
    if settings.fetch_full_text:
        ours["fullText"] = "true"
    config = dict(settings.config)
    if "selectors" in config:
        ours["selectors"] = json.dumps(config.pop("selectors"), ensure_ascii=False, sort_keys=True)
    if config:
        ours["config"] = json.dumps(config, ensure_ascii=False, sort_keys=True)
    attributes |= {f"{{{NS}}}{name}": value for name, value in ours.items() if value is not None}
    ET.SubElement(parent, "outline", attributes)


def write_opml(feeds: Iterable[Mapping[str, Any]], title: str, now: datetime | None = None) -> bytes:
    """An OPML document of the sources (rows of the feeds table), grouped by country."""
    ET.register_namespace("sitrep", NS)
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC), usegmt=True)
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for feed in feeds:
        groups.setdefault(feed.get("country") or "", []).append(feed)
    for country in sorted(groups):
        parent = ET.SubElement(body, "outline", {"text": country, "title": country}) if country else body
        for feed in sorted(groups[country], key=lambda f: (f.get("title") or f.get("owner") or "", f["url"])):
            _outline(parent, feed)
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
