"""Feeds whose items each carry one new casualty claim, released on demand, and a webhook receiver.

The end-to-end latency starts when an item is first *served* (the first response whose document
holds it), so how long ingest waits between two checks of a feed is not counted. Item `n` has a
count no other item has, so each is a new claim and fires exactly one webhook per subscription;
its number is in its URL, which the webhook payload carries back (`evidence.url`).
"""

from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

import orjson

from tools.feed_server import FeedServer, Request, Response

CLAIMANTS = ("Azerbaijan's Defence Ministry", "Armenia's Defence Ministry", "The defence ministry")
LOSSES = (("soldiers", "killed"), ("civilians", "wounded"), ("tanks", "destroyed"), ("drones", "downed"),
          ("armoured vehicles", "destroyed"))
PLACES = ("Fizuli", "Jabrayil", "Hadrut", "Martuni", "Tartar", "Aghdam", "Lachin", "Shusha", "Ganja", "Goris")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
FILLER = (
    "Reporters could not reach the area to verify the figures.",
    "Residents described a night of heavy fighting along the line of contact.",
    "Officials in the capital gave no further details.",
    "International observers asked both sides for restraint.",
)
ITEM_URL = re.compile(r"/item-(\d+)\.html")
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def claim_sentence(n: int) -> str:
    subject, verb = LOSSES[n % len(LOSSES)]
    return (f"{CLAIMANTS[n % len(CLAIMANTS)]} said {n + 2} {subject} were {verb} near "
            f"{PLACES[n % len(PLACES)]} on {DAYS[n % len(DAYS)]}.")


def item_text(n: int) -> str:
    return " ".join([claim_sentence(n), FILLER[n % len(FILLER)], FILLER[(n + 1) % len(FILLER)]])


def item_url(feed: int, n: int) -> str:
    return f"https://news{feed}.example/2020/10/item-{n}.html"


def item_number(payload: bytes) -> int | None:
    """The item a webhook is about, from the URL of its evidence."""
    found = ITEM_URL.search(orjson.loads(payload)["data"]["evidence"]["url"] or "")
    return int(found.group(1)) if found else None


class ClaimFeeds:
    """`feeds` RSS feeds on one local server; `release(numbers)` adds items to them (round robin).

    A feed shows its newest `window` items and answers 304 to a matching ETag, as news sites do.
    `first_served[n]` is `time.monotonic()` when item `n` was first put in a response.
    """

    def __init__(self, server: FeedServer, feeds: int, window: int = 100) -> None:
        self.server = server
        self.feeds = feeds
        self.window = window
        self.first_served: dict[int, float] = {}
        self._items: list[list[tuple[int, datetime]]] = [[] for _ in range(feeds)]
        self._lock = threading.Lock()
        for feed in range(feeds):
            server.route(self.path(feed), self._handler(feed))

    def path(self, feed: int) -> str:
        return f"/feeds/{feed}.xml"

    def urls(self) -> list[str]:
        return [self.server.url(self.path(feed)) for feed in range(self.feeds)]

    def release(self, numbers: range | list[int]) -> None:
        now = datetime.now(UTC)
        with self._lock:
            for n in numbers:
                self._items[n % self.feeds].append((n, now))

    def _handler(self, feed: int):
        def handle(request: Request) -> Response:
            with self._lock:
                items = self._items[feed][-self.window:]
                etag = f'"{feed}-{len(self._items[feed])}"'
                if request.headers.get("if-none-match") == etag:
                    return Response(304, {"ETag": etag})
                served = time.monotonic()
                for n, _ in items:
                    self.first_served.setdefault(n, served)
            return Response(200, {**RSS, "ETag": etag}, self._document(feed, items))

        return handle

    def _document(self, feed: int, items: list[tuple[int, datetime]]) -> bytes:
        entries = "".join(
            f"<item><title>Clashes reported near {PLACES[n % len(PLACES)]} ({n})</title>"
            f"<link>{item_url(feed, n)}</link><guid isPermaLink=\"true\">{item_url(feed, n)}</guid>"
            f"<pubDate>{format_datetime(published)}</pubDate>"
            f"<description>{escape(item_text(n))}</description></item>"
            for n, published in reversed(items)
        )
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Front news {feed}</title>'
                f"<link>https://news{feed}.example/</link>{entries}</channel></rss>").encode()


class Receiver:
    """Answers every webhook with 204 and keeps when the first webhook for each item arrived."""

    def __init__(self, server: FeedServer, path: str = "/hook") -> None:
        self.server = server
        self.path = path
        self.received: dict[int, float] = {}
        self.webhooks = 0
        self._lock = threading.Lock()
        server.route(path, self._handle)

    def url(self) -> str:
        return self.server.url(self.path)

    def _handle(self, request: Request) -> Response:
        n = item_number(request.body)
        with self._lock:
            self.webhooks += 1
            if n is not None:
                self.received.setdefault(n, request.received_at)
        return Response(204)

    def count(self, numbers: range | list[int]) -> int:
        with self._lock:
            return sum(1 for n in numbers if n in self.received)
