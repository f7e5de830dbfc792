"""`GET /`: the situation page (or the login form), and the JSON of newest claims its script polls."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from services.api.deps import ReadConnection
from services.api.fields import Text, Time
from services.api.situation import queries
from services.api.situation.layout import change, figure, side_by_side
from services.api.situation.rendering import PAGE_HEADERS, render, templates, web_link
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
        figures = await tallies(conn, TallyQuery(conflict=conflict))
        newest = await queries.newest_claims(conn, conflict)
        context |= {
            "table": side_by_side(conflict, figures),
            "timeline": await queries.ceasefire_timeline(conn, conflict),
            "newest": newest,
            "newest_at": newest[0]["first_observed_at"].isoformat() if newest else "",
        }
    return render("situation.html", **context)


def _claim_json(claim: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim_id": claim["claim_id"],
        "first_observed_at": claim["first_observed_at"].isoformat(),
        "kind": claim["kind"],
        "category": claim["category"],
        "subject": claim["subject"],
        "figure": figure(claim["count_min"], claim["count_max"], claim["approximate"]),
        "side": claim["side"],
        "claimant": claim["claimant"],
        "claimant_party": claim["claimant_party"],
        "novelty": claim["novelty"],
        "sentence": claim["sentence"],
        "title": claim["title"],
        "url": web_link(claim["url"]),
    }


@router.get("/situation/claims.json")
async def newest_claims(
    request: Request, conn: ReadConnection, conflict: Annotated[Text(100), Query()],
    after: Annotated[Time | None, Query()] = None,
) -> Response:
    """Claims first observed after `after`, newest first: what the page's script adds to its list."""
    if await page_key(request, conn) is None:
        return JSONResponse({"detail": "Log in with a read key."}, status_code=401, headers=PAGE_HEADERS)
    rows = await queries.newest_claims(conn, conflict, after)
    return JSONResponse({"data": [_claim_json(row) for row in rows]}, headers=PAGE_HEADERS)
