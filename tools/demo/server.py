"""The demo feeds over HTTP on 127.0.0.1, each showing the items its schedule has released by now,
or HTTP 500 while the schedule says it is down."""

from __future__ import annotations

import queue
import time

from tools.demo.corpus import DemoFeed
from tools.demo.schedule import ReleaseSchedule
from tools.feed_server import FeedServer, Request, Response


class DemoServer:
    def __init__(self, feeds: list[DemoFeed], schedule: ReleaseSchedule) -> None:
        self.feeds = feeds
        self.schedule = schedule
        self.http = FeedServer()
        self.started_at: float | None = None
        self.answers: list[tuple[str, int]] = []
        """(feed name, status) of every request, in order."""
        self.notes: queue.Queue[str] = queue.Queue()
        """A line each time a feed starts failing or recovers."""
        for feed in feeds:
            self.http.route(feed.path, self._handler(feed))

    def start(self) -> DemoServer:
        self.http.start()
        return self

    def begin(self) -> None:
        """Start the release clock: item 1 of the first feed is out now."""
        self.started_at = time.monotonic()

    def stop(self) -> None:
        self.http.stop()

    def url(self, feed: DemoFeed) -> str:
        return self.http.url(feed.path)

    @property
    def elapsed(self) -> float:
        return 0.0 if self.started_at is None else time.monotonic() - self.started_at

    def statuses(self, name: str) -> list[int]:
        """What a feed answered, request by request (500 while down, else 200)."""
        return [status for feed, status in self.answers if feed == name]

    def _handler(self, feed: DemoFeed):
        def handle(request: Request) -> Response:
            if self.started_at is None:
                response = Response(200, {"Content-Type": feed.content_type}, feed.document(0))
            elif self.schedule.failing(feed.name, self.elapsed):
                response = Response(500, {"Content-Type": "text/plain"}, "the demo's outage: back soon")
            else:
                response = Response(200, {"Content-Type": feed.content_type},
                                    feed.document(self.schedule.revealed(feed.name, self.elapsed)))
            self._note(feed, response.status)
            return response

        return handle

    def _note(self, feed: DemoFeed, status: int) -> None:
        before = self.statuses(feed.name)[-1:]
        self.answers.append((feed.name, status))
        if status == 500 and before != [500]:
            self.notes.put(f"{feed.name} answers HTTP 500 for a while")
        elif status == 200 and before == [500]:
            self.notes.put(f"{feed.name} is back")
