"""Serves a corpus as RSS feeds that grow over time, so items keep flowing while faults happen."""

from __future__ import annotations

import time
from email.utils import format_datetime
from xml.sax.saxutils import escape

from shared.events.feeds import FeedSettings
from shared.readmodel.feeds.commands import register_feed
from shared.unit_of_work import Database
from tests.chaos.corpus import Corpus, Item
from tools.feed_server import FeedServer, Request, Response

RSS = {"Content-Type": "application/rss+xml"}


def rss(feed: int, items: list[Item]) -> str:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.url)}</link><guid isPermaLink='false'>{i.guid}</guid>"
        f"<pubDate>{format_datetime(i.published)}</pubDate><description>{escape(i.text)}</description></item>"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Chaos feed {feed}</title>'
            f"<link>http://127.0.0.1/{feed}</link>{entries}</channel></rss>")


class GrowingFeeds:
    """One route per feed; each answers with the items released so far (all of them once done)."""

    def __init__(self, server: FeedServer, corpus: Corpus) -> None:
        self.server = server
        self.corpus = corpus
        self.started_at: float | None = None
        self.by_feed: dict[int, list[Item]] = {}
        for item in corpus.items:
            self.by_feed.setdefault(item.feed, []).append(item)
        for feed in range(corpus.feeds):
            server.route(self.path(feed), self._handler(feed))

    @staticmethod
    def path(feed: int) -> str:
        return f"/feed/{feed}.xml"

    def start(self) -> None:
        self.started_at = time.monotonic()

    def elapsed(self) -> float:
        return 0.0 if self.started_at is None else time.monotonic() - self.started_at

    def released(self) -> int:
        """How many items the feeds show now."""
        if self.started_at is None:
            return 0
        now = self.elapsed()
        return sum(1 for item in self.corpus.items if item.release_at <= now)

    def _handler(self, feed: int):
        def handle(_request: Request) -> Response:
            now = self.elapsed() if self.started_at is not None else -1.0
            return Response(200, RSS, rss(feed, [i for i in self.by_feed.get(feed, []) if i.release_at <= now]))

        return handle

    async def register(self, db: Database) -> None:
        """Register every feed, polled every second or two so items arrive as they are released."""
        async with db.transaction() as uow:
            for feed in range(self.corpus.feeds):
                await register_feed(uow, FeedSettings(
                    url=self.server.url(self.path(feed)), owner=f"Chaos outlet {feed}", min_interval_s=1,
                    max_interval_s=2,
                ))
