"""Webhook receivers that misbehave on purpose, recording the webhook-id of every request.

A receiver answers by phase: fine, slow, failing with 500, too slow (the sender times out), or
down (its port closed). A receipt counts only when it was answered with a 2xx in time.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass

import orjson

from tools.feed_server import FeedServer, Request, Response
from tools.processes import free_port


@dataclass(frozen=True)
class Receipt:
    webhook_id: str
    claim_key: tuple
    status: int
    received: bool
    """A 2xx answered within the sender's timeout."""
    at: float


def claim_key(body: bytes) -> tuple:
    claim = orjson.loads(body)["data"]["claim"]
    if claim["kind"] == "casualty":
        return ("casualty", (claim.get("count") or {}).get("min"))
    return ("ceasefire", claim.get("claimant"), claim["category"])


class Receiver:
    """`mode` is one of ok, slow, fail, timeout, down, or flaky (500 for `flaky_s` seconds from its
    first request, then fine); change it at any time."""

    def __init__(self, name: str, *, slow_s: float = 1.0, timeout_s: float = 2.0, flaky_s: float = 15.0) -> None:
        self.name = name
        self.port = free_port()
        self.slow_s = slow_s
        self.timeout_s = timeout_s
        self.flaky_s = flaky_s
        self.first_request_at: float | None = None
        self.mode = "ok"
        self.receipts: list[Receipt] = []
        self._lock = threading.Lock()
        self._server: FeedServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook/{self.name}"

    def start(self) -> Receiver:
        self._server = FeedServer(port=self.port).start()
        self._server.route(f"/hook/{self.name}", self._answer)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def set_mode(self, mode: str) -> None:
        """Switch behaviour; `down` closes the port and anything else reopens it."""
        if mode == "down":
            self.stop()
        elif self._server is None:
            self.start()
        self.mode = mode

    def _answer(self, request: Request) -> Response:
        now = time.monotonic()
        self.first_request_at = self.first_request_at or now
        mode = self.mode
        if mode == "flaky":
            mode = "fail" if now - self.first_request_at < self.flaky_s else "ok"
        status, delay = {"ok": (204, 0.0), "slow": (204, self.slow_s), "fail": (500, 0.0),
                         "timeout": (204, self.timeout_s + 1.5)}[mode]
        receipt = Receipt(request.headers.get("webhook-id", ""), claim_key(request.body), status,
                          status < 300 and delay < self.timeout_s, now)
        with self._lock:
            self.receipts.append(receipt)
        return Response(status, delay=delay)

    def received(self) -> list[Receipt]:
        with self._lock:
            return [r for r in self.receipts if r.received]

    def refused(self) -> int:
        """Requests answered with an error or too late."""
        with self._lock:
            return sum(1 for r in self.receipts if not r.received)

    def duplicates(self) -> int:
        """Copies of an alert received more than once (a retry after a lost acknowledgement)."""
        counts = Counter(r.webhook_id for r in self.received())
        return sum(n - 1 for n in counts.values())
