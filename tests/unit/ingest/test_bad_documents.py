"""Documents a hostile or careless server sends: each is read or refused with a ParseError, never a crash.

Binary garbage, content types that lie, HTML where XML was promised, GUIDs repeated inside one
feed, and dates in the year 9999 (which leave datetime's range once moved west of UTC).
"""

from __future__ import annotations

import gzip
import random
from datetime import UTC, datetime

import pytest

from services.ingest.check import process_document
from services.ingest.item import Source
from services.ingest.parse.model import SOURCE_KINDS, ParseError, ParseErrorKind

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)
LISTING = {"item": "li", "title": "a", "link": "a", "date": "span"}
RSS = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
       b"<item><title>Shelling reported</title><link>https://e.example/1</link><guid>g1</guid></item>"
       b"</channel></rss>")
JSON_FEED = (b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", '
             b'"items": [{"id": "1", "url": "https://e.example/1", "content_text": "Shelling reported"}]}')
HTML_PAGE = b"<!DOCTYPE html><html><head><title>MoD</title></head><body><h1>News</h1></body></html>"


def source(kind: str = "rss") -> Source:
    return Source(id="s", url="https://e.example/feed", kind=kind, config=LISTING if kind == "html" else None)


def process(body: bytes, headers: dict[str, str] | None = None, kind: str = "rss"):
    return process_document(source(kind), body, headers or {}, FETCHED)


def garbage(seed: int, size: int = 4096) -> bytes:
    return random.Random(seed).randbytes(size)


GARBAGE = [
    garbage(1),
    garbage(2, 64),
    b"\x00" * 1000,
    b"\xff\xfe" + garbage(3),  # a UTF-16 byte-order mark, then noise
    b"\xef\xbb\xbf" + garbage(4),  # a UTF-8 byte-order mark, then noise
    b'<?xml version="1.0"?>' + garbage(5),
    b'<rss version="2.0"><channel><item><title>' + garbage(6),
    b'{"version": "https://jsonfeed.org/version/1.1", "items": [' + garbage(7),
    gzip.compress(RSS),  # compressed, but announced as plain
    b"\x89PNG\r\n\x1a\n" + garbage(8),
]


@pytest.mark.parametrize("kind", SOURCE_KINDS)
@pytest.mark.parametrize("body", GARBAGE, ids=range(len(GARBAGE)))
def test_binary_garbage_is_refused_with_a_parse_error(kind, body):
    try:
        _, items = process(body, {"Content-Type": "application/octet-stream"}, kind)
    except ParseError as refused:
        assert refused.kind in (ParseErrorKind.MALFORMED, ParseErrorKind.NOT_A_FEED, ParseErrorKind.EMPTY)
        return
    # A lenient parser may keep something, but a document accepted must give items: accepting
    # garbage as an empty feed would hide a broken source behind a healthy status.
    assert items and all(item.item_key and item.title is not None for item in items)


@pytest.mark.parametrize("content_type", [
    "text/html", "text/plain", "application/octet-stream", "image/png", "application/json",
    "text/xml; charset=iso-8859-1", "application/rss+xml; charset=no-such-charset", "nonsense", "",
])
def test_a_feed_is_read_whatever_content_type_it_is_served_with(content_type):
    _, items = process(RSS, {"Content-Type": content_type})
    assert [item.title for item in items] == ["Shelling reported"]


def test_a_charset_that_lies_about_the_bytes_is_a_clear_parse_error():
    with pytest.raises(ParseError) as caught:
        process(RSS, {"Content-Type": "application/rss+xml; charset=utf-16"})
    assert caught.value.kind is ParseErrorKind.MALFORMED and "not well-formed" in caught.value.message


@pytest.mark.parametrize("content_type", ["application/xml", "application/rss+xml", "text/html"])
def test_a_json_feed_is_read_under_an_xml_or_html_content_type(content_type):
    _, items = process(JSON_FEED, {"Content-Type": content_type})
    assert [item.url for item in items] == ["https://e.example/1"]


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/atom+xml", "text/xml"])
def test_html_served_as_xml_is_not_a_feed(content_type):
    with pytest.raises(ParseError) as caught:
        process(HTML_PAGE, {"Content-Type": content_type})
    assert caught.value.kind is ParseErrorKind.NOT_A_FEED


def test_guids_repeated_inside_one_feed_give_one_item_per_distinct_entry():
    entries = [
        ("d1", "https://e.example/a", "First"),
        ("d1", "https://e.example/b", "Second"),  # the same GUID on another article
        ("d2", "https://e.example/c", "Third"),
        ("d2", "https://e.example/c", "Third"),  # the same entry twice
        ("d3", "https://e.example/d", "Fourth"),
    ]
    items_xml = "".join(f"<item><guid isPermaLink=\"false\">{g}</guid><link>{link}</link><title>{title}</title></item>"
                        for g, link, title in entries)
    _, items = process(f'<rss version="2.0"><channel><title>t</title>{items_xml}</channel></rss>'.encode())
    keys = [item.item_key for item in items]
    assert keys[:3] == ["url:https://e.example/a", "url:https://e.example/b", keys[3]]
    assert keys[2].startswith("sha256:") and keys[2] == keys[3], "an exact copy is the same item"
    assert keys[4] == "guid:d3"
    assert len(set(keys)) == 4


FAR_FUTURE = ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "Fri, 31 Dec 9999 23:59:59 GMT",
              "Fri, 31 Dec 9999 23:59:59 -1200", "9999-12-31 23:59:59 EST", "0001-01-01T00:00:00+14:00"]


def _with_date(kind: str, date: str) -> bytes:
    if kind == "rss":
        return (f'<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://e.example/a</link>'
                f"<pubDate>{date}</pubDate></item></channel></rss>").encode()
    if kind == "atom":
        return (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a</title><id>a</id>'
                f'<link href="https://e.example/a"/><published>{date}</published><updated>{date}</updated>'
                f"</entry></feed>").encode()
    if kind == "json":
        return (f'{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "a", "url": "https://e.example/a",'
                f' "content_text": "a", "date_published": "{date}", "date_modified": "{date}"}}]}}').encode()
    return f'<ul><li><a href="/a">a</a> <span>{date}</span></li></ul>'.encode()


@pytest.mark.parametrize("kind", ["rss", "atom", "json", "html"])
@pytest.mark.parametrize("date", FAR_FUTURE)
def test_dates_in_the_year_9999_fall_back_to_the_fetch_time(kind, date):
    _, [item] = process(_with_date(kind, date), kind="html" if kind == "html" else "rss")
    assert item.published_fallback and item.published_at == FETCHED and item.updated_at is None
