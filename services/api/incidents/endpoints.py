"""`GET /v1/incidents` (filtered, paged or exported) and `GET /v1/incidents/{incident_id}`."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import RedirectResponse

from services.api.auth import Principal, reader
from services.api.deps import ReadConnection, get_db
from services.api.fields import NO_NUL
from services.api.incidents import repository
from services.api.incidents.schemas import (
    CSV_COLUMNS,
    SUMMARY_EXAMPLE,
    IncidentDetail,
    IncidentListQuery,
    IncidentPage,
)
from services.api.listing import list_or_export, list_responses
from services.api.pagination import TIME_AND_ID_KEY, Keyset
from services.api.problems import ProblemError, problem_responses
from shared.unit_of_work import Database

router = APIRouter(prefix="/v1/incidents", tags=["incidents"])

KEYSET: Keyset[dict[str, Any]] = Keyset(
    "incidents", lambda incident: (incident["opened_at"], incident["incident_id"]), TIME_AND_ID_KEY
)


@router.get(
    "",
    response_model=IncidentPage,
    summary="Incidents, newest first",
    description="Real-world events, each with every story that reports it, whoever wrote it and in whatever "
    "language. Merged incidents are not listed. With `format=csv` or `format=ndjson` every matching incident is "
    "streamed.",
    responses=list_responses(SUMMARY_EXAMPLE, CSV_COLUMNS),
)
async def list_incidents(
    query: Annotated[IncidentListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    fetch = partial(repository.list_incidents, filters=query)
    return await list_or_export(KEYSET, conn, db, fetch, query, IncidentPage, CSV_COLUMNS)


@router.get(
    "/{incident_id}",
    response_model=IncidentDetail,
    summary="One incident with its stories and claims",
    description="An incident merged into another redirects (308) to the one that absorbed it.",
    responses={308: {"description": "The incident was merged into the one at `Location`."},
               **problem_responses(401, 404, 422, 429)},
)
async def get_incident(
    incident_id: Annotated[str, Path(max_length=200, pattern=NO_NUL, examples=[SUMMARY_EXAMPLE["incident_id"]])],
    conn: ReadConnection,
    _: Principal = Depends(reader),
):
    live = await repository.live_incident_id(conn, incident_id)
    if live is None:
        raise ProblemError(404, f"No incident with id {incident_id!r}.", kind="not-found")
    if live != incident_id:
        return RedirectResponse(f"/v1/incidents/{live}", status_code=308)
    incident = await repository.get_incident(conn, incident_id)
    if incident is None:
        raise ProblemError(404, f"No incident with id {incident_id!r}.", kind="not-found")
    return IncidentDetail.model_validate(incident)
