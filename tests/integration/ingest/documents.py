"""Feed documents for the ingest service tests: good ones that change over time, and bad ones."""

from __future__ import annotations

import gzip
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

NOW = datetime.now(UTC).replace(microsecond=0)


def published(n: int) -> datetime:
    """Entry n was published n minutes after an hour ago."""
    return NOW - timedelta(hours=1) + timedelta(minutes=n)


def rss(title: str, guids: list[str], links: str = "http://news.invalid") -> str:
    items = "".join(
        f"<item><title>{title} story {guid}</title><link>{links}/{title}/{guid}</link>"
        f"<guid isPermaLink=\"false\">{guid}</guid><pubDate>{format_datetime(published(n))}</pubDate>"
        f"<description>What happened in {title} story {guid}.</description></item>"
        for n, guid in enumerate(guids, start=1)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://news.invalid/{title}</link>{items}</channel></rss>")


def article_page(words: str) -> str:
    return (f"<!doctype html><html><body><nav><a href='/'>Home</a></nav><article>"
            f"<p>{words}</p><p>{words}</p><p>{words}</p></article><footer>Contact</footer></body></html>")


def bozo_rss() -> str:
    """Readable entries in a document that is not well-formed (a bare ampersand, no closing tags)."""
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bozo & sons</title>'
            "<item><title>Shelling near the line</title><guid isPermaLink=\"false\">z1</guid>"
            "<link>http://news.invalid/bozo/z1</link><description>Reported & confirmed.</description></item>"
            "</channel>")


def entity_bomb() -> str:
    lols = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{lols}]>'
            '<rss version="2.0"><channel><title>&lol9;</title>'
            "<item><title>&lol9;</title><guid>b1</guid></item></channel></rss>")


def html_page() -> str:
    return ("<!DOCTYPE html><html><head><title>Ministry of Defence</title></head><body><h1>News</h1>"
            "<ul><li><a href='/news/1'>Press release</a></li></ul></body></html>")


def huge_chunks(total: int, chunk: int = 64 * 1024) -> list[bytes]:
    """A feed of `total` bytes, sent without announcing its length."""
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><item><title>h</title><description>'
    body = head + b"x" * (total - len(head))
    return [body[i:i + chunk] for i in range(0, len(body), chunk)]


def binary_garbage(size: int = 2048) -> bytes:
    return random.Random(9).randbytes(size)


def gzip_bomb(size: int = 64 << 20) -> bytes:
    """`size` bytes of zeros in about a thousandth of that."""
    return gzip.compress(b"\0" * size, compresslevel=9)
