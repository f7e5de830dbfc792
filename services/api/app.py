"""The HTTP API (FastAPI): the event log, projections, and commands on feeds and subscriptions."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.projections import all_projections
from shared.db import create_engine
from shared.eventstore import EventStore
from shared.pipeline import check_database
from shared.settings import Settings
from shared.unit_of_work import Database


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.db = Database(create_engine(settings), all_projections())
        yield
        await app.state.db.engine.dispose()

    app = FastAPI(title="sitrep", version="0.1.0", lifespan=lifespan)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        try:
            await check_database(request.app.state.db)
        except Exception as exc:  # noqa: BLE001
            return JSONResponse({"status": "not ready", "checks": {"postgres": repr(exc)[:300]}}, status_code=503)
        return JSONResponse({"status": "ready", "checks": {"postgres": "ok"}})

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    @app.get("/v1/events")
    async def list_events(
        request: Request,
        after: int = Query(0, ge=0),
        limit: int = Query(100, ge=1, le=1000),
        type: list[str] | None = Query(None),
    ) -> dict:
        async with request.app.state.db.engine.connect() as conn:
            events = await EventStore().read_all(conn, after=after, limit=limit, types=type)
        data = [event.to_cloudevent() for event in events]
        return {"data": data, "next": data[-1]["sequence"] if data else None}

    return app
