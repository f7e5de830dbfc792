"""`/healthz` (the process answers), `/readyz` (the database answers) and `/metrics`."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict

from services.api.deps import get_db
from shared.pipeline import check_database
from shared.unit_of_work import Database

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ready", "checks": {"postgres": "ok"}}]})

    status: str
    checks: dict[str, str] = {}


@router.get("/healthz", response_model=Health, summary="The process is alive")
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    summary="The database answers",
    responses={503: {"model": Health, "description": "A dependency is failing."}},
)
async def readyz(db: Database = Depends(get_db)) -> JSONResponse:
    try:
        await asyncio.wait_for(check_database(db), timeout=2.0)
    except Exception as exc:  # noqa: BLE001 — report, never raise
        body = Health(status="not ready", checks={"postgres": f"failing: {type(exc).__name__}"})
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(Health(status="ready", checks={"postgres": "ok"}).model_dump())


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {"example": "sitrep_http_requests_total{...} 1.0\n"}}}},
)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
