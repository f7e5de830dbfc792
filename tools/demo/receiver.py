"""A webhook receiver on 127.0.0.1: checks each alert's signature and queues its payload."""

from __future__ import annotations

import json
import queue

from shared.webhooks.signing import sign
from tools.feed_server import FeedServer, Request, Response

PATH = "/alerts"


class AlertReceiver:
    def __init__(self) -> None:
        self.http = FeedServer()
        self.http.route(PATH, self._receive)
        self.alerts: queue.Queue[dict] = queue.Queue()
        self.secret: str | None = None
        self.refused = 0

    def start(self) -> AlertReceiver:
        self.http.start()
        return self

    def stop(self) -> None:
        self.http.stop()

    @property
    def url(self) -> str:
        return self.http.url(PATH)

    def signed(self, request: Request) -> bool:
        headers = request.headers
        try:
            expected = sign(self.secret or "", headers["webhook-id"], int(headers["webhook-timestamp"]), request.body)
        except (KeyError, ValueError):
            return False
        return expected in headers.get("webhook-signature", "").split()

    def _receive(self, request: Request) -> Response:
        if request.method != "POST":
            return Response(405)
        if self.secret is None or not self.signed(request):
            self.refused += 1
            return Response(401, body="bad signature")
        payload = json.loads(request.body)
        if payload.get("type") == "claim.observed":
            self.alerts.put(payload)
        return Response(204)
