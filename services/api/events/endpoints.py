"""`GET /v1/events` (pages or exports of the log), `GET /v1/events/stream` (live tail, SSE) and
`GET /v1/events/{id}` (one event, the target of the links in webhook payloads)."""

from __future__ import annotations

from functools import partial
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import StreamingResponse

from services.api.auth import Principal, reader
from services.api.deps import ReadConnection, get_api_settings, get_db
from services.api.events import repository
from shared.eventstore.notifications import LogNotifier
from services.api.events.schemas import (
    CSV_COLUMNS,
    EXAMPLE,
    MAX_POSITION,
    CloudEvent,
    EventListQuery,
    EventPage,
    EventStreamQuery,
)
from services.api.events.stream import key_check, live_events, sse_message, stream_response
from services.api.listing import list_or_export, list_responses
from services.api.pagination import POSITION_KEY, Keyset
from services.api.problems import ProblemError, problem_responses
from services.api.settings import ApiSettings
from shared.events import Event
from shared.unit_of_work import Database

router = APIRouter(prefix="/v1/events", tags=["events"])

KEYSET: Keyset[Event] = Keyset("events", lambda event: (event.position,), POSITION_KEY)


def _to_dict(event: Event) -> dict:
    return event.to_cloudevent()


@router.get(
    "",
    response_model=EventPage,
    summary="The event log, oldest first",
    description="Every fact sitrep recorded, filtered and paged in the order followers of the log read it "
    "(by committing transaction, then position; `sequence` is the position): paging on never skips an event "
    "that commits late. "
    "With `format=csv` or `format=ndjson` the whole filtered log (from `after`/`cursor` on) is streamed.",
    responses=list_responses(EXAMPLE, CSV_COLUMNS),
)
async def list_events(
    query: Annotated[EventListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    if query.cursor is not None and query.after:
        raise ProblemError(400, "Give either `after` or `cursor`, not both.", kind="bad-request")
    fetch = partial(repository.list_events, filters=query)
    start = (query.after,) if query.after else None
    return await list_or_export(
        KEYSET, conn, db, fetch, query, EventPage, CSV_COLUMNS, start=start, page_row=_to_dict, export_row=_to_dict
    )


SSE_EXAMPLE = sse_message(
    42, "feed.registered", b'{"specversion":"1.0","sequence":42,"type":"feed.registered"}'
).decode()


@router.get(
    "/stream",
    summary="Follow the log live (Server-Sent Events)",
    description="Sends every matching event after `after` (or `Last-Event-ID`), then each new one as it is "
    "committed. The SSE `id` is the event's global position, so a reconnecting client resumes where it "
    "stopped. Comment lines (`: heartbeat`) keep idle connections open.",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {"schema": {"type": "string"}, "example": SSE_EXAMPLE}}},
        **problem_responses(401, 422, 429, 503),
    },
)
async def stream_events(
    request: Request,
    query: Annotated[EventStreamQuery, Query()],
    last_event_id: Annotated[
        int | None, Header(alias="Last-Event-ID", ge=0, le=MAX_POSITION, description="Resume after this position.")
    ] = None,
    db: Database = Depends(get_db),
    settings: ApiSettings = Depends(get_api_settings),
    principal: Principal = Depends(reader),
) -> StreamingResponse:
    notifier: LogNotifier = request.app.state.notifier
    after = last_event_id if last_event_id is not None else query.after
    check = None if principal.scope is None else key_check(db, principal.id)
    return await stream_response(
        notifier, live_events(db, notifier, query, after, settings.sse_heartbeat_seconds, check))


@router.get(
    "/{event_id}",
    response_model=CloudEvent,
    summary="One event by its id",
    description="Declared after `/stream`, which is not an id.",
    responses=problem_responses(401, 404, 422, 429),
)
async def get_event(
    event_id: Annotated[UUID, Path(examples=[EXAMPLE["id"]])],
    conn: ReadConnection,
    _: Principal = Depends(reader),
) -> dict:
    event = await repository.get_event(conn, str(event_id))
    if event is None:
        raise ProblemError(404, f"No event with id {str(event_id)!r}.", kind="not-found")
    return _to_dict(event)
