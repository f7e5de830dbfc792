"""Request counts and latency by route template (`/v1/stories/{story_id}`, never the raw path)."""

from __future__ import annotations

import time

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.observability.metrics import LATENCY_BUCKETS

UNMATCHED = "<unmatched>"

http_requests = Counter(
    "sitrep_http_requests_total",
    "HTTP requests answered by the API, by route template, method and status.",
    ["route", "method", "status"],
)
http_request_duration = Histogram(
    "sitrep_http_request_duration_seconds",
    "Time from the request to the end of the response body, by route template and method.",
    ["route", "method"],
    buckets=LATENCY_BUCKETS,
)


class RequestMetrics:
    """ASGI middleware; reads the matched route from the scope once routing has run."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_record)
        finally:
            route = getattr(scope.get("route"), "path", UNMATCHED)
            method = scope["method"]
            http_requests.labels(route, method, str(status)).inc()
            http_request_duration.labels(route, method).observe(time.perf_counter() - started)
