"""`GET /situation/stream`: the page's newest claims as Server-Sent Events, from the event log.

Follows the log as `GET /v1/events/stream` does (`sse_follow`), keeps the first observation of each
claim of the conflict, and sends the claim as the page's script renders it. The SSE id is the log
position, so `EventSource` resumes with `Last-Event-ID` after a dropped connection. The cookie is
checked before anything is streamed, and its key again at each heartbeat."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, Response

from services.api.deps import ReadConnection
from services.api.events.stream import BATCH, key_check, sse_follow, sse_message, stream_response
from services.api.fields import MAX_POSITION, Text
from services.api.situation import queries
from services.api.situation.layout import figure
from services.api.situation.rendering import PAGE_HEADERS, web_link
from services.api.situation.session import page_key

router = APIRouter(include_in_schema=False)
Position = Annotated[int, Query(ge=0, le=MAX_POSITION)]


@dataclass(frozen=True)
class LiveClaim:
    position: int
    claim: dict[str, Any]


def claim_json(claim: dict[str, Any]) -> dict[str, Any]:
    """What the page's script shows of a claim; links only when http(s)."""
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


def _message(live: LiveClaim) -> bytes:
    return sse_message(live.position, "claim", orjson.dumps(claim_json(live.claim)))


@router.get("/situation/stream")
async def claim_stream(
    request: Request, conn: ReadConnection, conflict: Annotated[Text(100), Query()], after: Position = 0,
    last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0, le=MAX_POSITION)] = None,
) -> Response:
    key = await page_key(request, conn)
    if key is None:
        return JSONResponse({"detail": "Log in with a read key."}, status_code=401, headers=PAGE_HEADERS)

    async def read(reader, last: int) -> list[LiveClaim]:
        rows = await queries.claims_first_observed_after(reader, conflict, last, BATCH)
        return [LiveClaim(row["position"], row) for row in rows]

    app = request.app
    start = last_event_id if last_event_id is not None else after
    body = sse_follow(app.state.db, app.state.notifier, read, start, app.state.api_settings.sse_heartbeat_seconds,
                      _message, key_check(app.state.db, key.key_id))
    return await stream_response(app.state.notifier, body, PAGE_HEADERS)
