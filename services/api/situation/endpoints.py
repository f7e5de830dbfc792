"""`GET /`: the situation page (or the login form); its newest claims then arrive live (`live.py`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from services.api.deps import ReadConnection
from services.api.fields import Text
from services.api.situation import queries
from services.api.situation.layout import change, figure, side_by_side
from services.api.situation.rendering import render, templates
from services.api.situation.session import login_form, page_key
from services.api.tallies.repository import tallies
from services.api.tallies.schemas import TallyQuery

router = APIRouter(include_in_schema=False)
templates.filters["figure"] = figure
templates.filters["change"] = change

ConflictParam = Annotated[Text(100) | None, Query()]


async def _conflict(conn, asked: str | None) -> tuple[str | None, list[tuple[str, int]]]:
    known = await queries.conflicts_with_claims(conn)
    if asked:
        return asked, known
    return (known[0][0] if known else None), known


@router.get("/")
async def situation(request: Request, conn: ReadConnection, conflict: ConflictParam = None) -> Response:
    if await page_key(request, conn) is None:
        return login_form()
    conflict, known = await _conflict(conn, conflict)
    context: dict[str, Any] = {"conflict": conflict, "conflicts": known, "names": queries.conflict_names(),
                               "health": await queries.feed_health(conn)}
    if conflict is not None:
        head = await queries.log_head(conn)  # before the newest claims: whatever comes later is streamed
        figures = await tallies(conn, TallyQuery(conflict=conflict))
        newest = await queries.newest_claims(conn, conflict)
        context |= {
            "table": side_by_side(conflict, figures),
            "timeline": await queries.ceasefire_timeline(conn, conflict),
            "newest": newest,
            "log_head": head,
        }
    return render("situation.html", **context)
