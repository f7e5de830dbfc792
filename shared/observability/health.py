"""`/metrics`, `/healthz` and `/readyz` for services without an HTTP API of their own."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import nullcontext

import uvicorn
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

Check = Callable[[], Awaitable[None]]


class Health:
    """Readiness is the conjunction of named checks (each raises when its dependency is away)."""

    def __init__(self, timeout: float = 2.0) -> None:
        self.checks: dict[str, Check] = {}
        self.timeout = timeout

    def add_check(self, name: str, check: Check) -> None:
        self.checks[name] = check

    async def readiness(self) -> tuple[bool, dict[str, str]]:
        results: dict[str, str] = {}
        for name, check in self.checks.items():
            try:
                await asyncio.wait_for(check(), self.timeout)
                results[name] = "ok"
            except Exception as exc:  # noqa: BLE001 — report, never raise
                results[name] = f"failing: {type(exc).__name__}: {exc}"[:300]
        return all(v == "ok" for v in results.values()), results


def health_app(health: Health) -> Starlette:
    async def metrics(_: Request) -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        ready, checks = await health.readiness()
        return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks}, status_code=200 if ready else 503)

    return Starlette(routes=[Route("/metrics", metrics), Route("/healthz", healthz), Route("/readyz", readyz)])


class EmbeddedServer(uvicorn.Server):
    """A uvicorn server that leaves signal handling to the service that embeds it."""

    def capture_signals(self):  # type: ignore[override]
        return nullcontext()

    def install_signal_handlers(self) -> None:  # older uvicorn
        pass


def embedded_server(app, host: str, port: int) -> EmbeddedServer:
    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False, lifespan="off")
    return EmbeddedServer(config)
