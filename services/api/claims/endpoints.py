"""`GET /v1/claims` (filtered, paged or exported) and `GET /v1/claims/{claim_id}` with its evidence."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.api.auth import Principal, reader
from services.api.claims import repository
from services.api.claims.schemas import CSV_COLUMNS, SUMMARY_EXAMPLE, ClaimDetail, ClaimListQuery, ClaimPage
from services.api.deps import ReadConnection, get_db
from services.api.fields import NO_NUL
from services.api.listing import list_or_export, list_responses
from services.api.pagination import TIME_AND_ID_KEY, Keyset
from services.api.problems import ProblemError, problem_responses
from shared.unit_of_work import Database

router = APIRouter(prefix="/v1/claims", tags=["claims"])

KEYSET: Keyset[dict[str, Any]] = Keyset(
    "claims", lambda claim: (claim["first_observed_at"], claim["claim_id"]), TIME_AND_ID_KEY
)


@router.get(
    "",
    response_model=ClaimPage,
    summary="Casualty and ceasefire claims, newest first",
    description="One row per claim, however many outlets carried it. With `format=csv` or `format=ndjson` "
    "every matching claim is streamed.",
    responses=list_responses(SUMMARY_EXAMPLE, CSV_COLUMNS),
)
async def list_claims(
    query: Annotated[ClaimListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    fetch = partial(repository.list_claims, filters=query)
    return await list_or_export(KEYSET, conn, db, fetch, query, ClaimPage, CSV_COLUMNS)


@router.get(
    "/{claim_id}",
    response_model=ClaimDetail,
    summary="One claim with its evidence, the claims it revises or that revise it, and its alerts",
    responses=problem_responses(401, 404, 422, 429),
)
async def get_claim(
    claim_id: Annotated[str, Path(max_length=200, pattern=NO_NUL, examples=[SUMMARY_EXAMPLE["claim_id"]])],
    conn: ReadConnection,
    _: Principal = Depends(reader),
) -> ClaimDetail:
    claim = await repository.get_claim(conn, claim_id)
    if claim is None:
        raise ProblemError(404, f"No claim with id {claim_id!r}.", kind="not-found")
    return ClaimDetail.model_validate(claim)
