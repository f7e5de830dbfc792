"""`GET /v1/tallies`: side by side, what each party claims of its own losses and of the other side's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from services.api.auth import Principal, reader
from services.api.deps import ReadConnection
from services.api.problems import problem_responses
from services.api.tallies import repository
from services.api.tallies.schemas import TallyQuery, TallyReport

router = APIRouter(prefix="/v1/tallies", tags=["tallies"])


@router.get(
    "",
    response_model=TallyReport,
    summary="The latest figure each party claims, of its own losses and of the other side's",
    description="Per conflict, claimant party, side, category and subject: the latest running total (or, "
    "without one, the latest figure), its date, where it was read and the change since the day before. "
    "Historical figures and claims outside a known conflict are left out.",
    responses=problem_responses(401, 422, 429),
)
async def list_tallies(
    query: Annotated[TallyQuery, Query()],
    conn: ReadConnection,
    _: Principal = Depends(reader),
) -> TallyReport:
    return TallyReport.model_validate({"data": await repository.tallies(conn, query)})
