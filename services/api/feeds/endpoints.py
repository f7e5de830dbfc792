"""`/v1/feeds`: read the registry with fetch state; register, change and remove sources (as events)."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Query, Response

from services.api.auth import Principal, reader
from services.api.deps import ReadConnection, get_db, get_settings
from services.api.feeds import repository, service
from services.api.feeds.schemas import (
    CREATE_EXAMPLE,
    CSV_COLUMNS,
    FEED_EXAMPLE,
    Feed,
    FeedCreate,
    FeedListQuery,
    FeedPage,
    FeedPatch,
)
from services.api.fields import NO_NUL, Text
from services.api.idempotency import Outcome, Write
from services.api.listing import list_or_export, list_responses
from services.api.pagination import TIME_AND_ID_KEY, Keyset
from services.api.problems import ProblemError, problem_responses
from shared.settings import Settings
from shared.unit_of_work import Database, UnitOfWork

router = APIRouter(prefix="/v1/feeds", tags=["feeds"])

KEYSET: Keyset[dict[str, Any]] = Keyset("feeds", lambda feed: (feed["registered_at"], feed["feed_id"]), TIME_AND_ID_KEY)
FeedId = Annotated[str, Path(max_length=200, pattern=NO_NUL, examples=[FEED_EXAMPLE["feed_id"]])]
WRITE_PROBLEMS = problem_responses(400, 401, 403, 404, 409, 413, 422, 429)
EXPORT_EXAMPLE = {**{k: v for k, v in FEED_EXAMPLE.items() if k != "fetch_state"}, **FEED_EXAMPLE["fetch_state"]}


@router.get(
    "",
    response_model=FeedPage,
    summary="Registered sources with their fetch state",
    responses=list_responses(EXPORT_EXAMPLE, CSV_COLUMNS),
)
async def list_feeds(
    query: Annotated[FeedListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    fetch = partial(repository.list_feeds, filters=query)
    return await list_or_export(KEYSET, conn, db, fetch, query, FeedPage, CSV_COLUMNS, page_row=repository.nest)


@router.get(
    "/{feed_id}",
    response_model=Feed,
    summary="One source with its fetch state (removed sources too)",
    responses=problem_responses(401, 404, 422, 429),
)
async def get_feed(feed_id: FeedId, conn: ReadConnection, _: Principal = Depends(reader)) -> Feed:
    feed = await repository.get_feed(conn, feed_id)
    if feed is None:
        raise ProblemError(404, f"No feed with id {feed_id!r}.", kind="not-found")
    return Feed.model_validate(feed)


async def _feed_outcome(uow: UnitOfWork, feed_id: str, status: int, headers: dict[str, str] | None = None) -> Outcome:
    feed = Feed.model_validate(await repository.get_feed(uow.conn, feed_id))
    return Outcome(status, orjson.dumps(feed.model_dump(mode="json")), headers or {})


@router.post(
    "",
    status_code=201,
    response_model=Feed,
    summary="Register a source",
    description="Appends `feed.registered`. A URL whose host is a literal private, loopback or link-local address "
    "is refused unless the operator sets `SITREP_ALLOW_PRIVATE_NETWORKS=true`; names are checked after DNS at "
    "each fetch. Requires an admin key.",
    responses=WRITE_PROBLEMS,
    openapi_extra={"requestBody": {"content": {"application/json": {"example": CREATE_EXAMPLE}}}},
)
async def create_feed(
    body: FeedCreate, write: Write = Depends(), settings: Settings = Depends(get_settings)
) -> Response:
    service.check_feed_url(body.url, settings.allow_private_networks)

    async def command(uow: UnitOfWork) -> Outcome:
        feed_id = await service.add_feed(uow, body)
        return await _feed_outcome(uow, feed_id, 201, {"Location": f"/v1/feeds/{feed_id}"})

    return await write.run(command)


@router.patch(
    "/{feed_id}",
    response_model=Feed,
    summary="Change a source's settings",
    description="Appends `feed.updated` with the fields that changed (nothing if none did). Requires an admin key.",
    responses=WRITE_PROBLEMS,
)
async def update_feed(
    feed_id: FeedId, body: FeedPatch, write: Write = Depends(), settings: Settings = Depends(get_settings)
) -> Response:
    if body.url is not None:
        service.check_feed_url(body.url, settings.allow_private_networks)

    async def command(uow: UnitOfWork) -> Outcome:
        await service.change_feed(uow, feed_id, body)
        return await _feed_outcome(uow, feed_id, 200)

    return await write.run(command)


@router.delete(
    "/{feed_id}",
    status_code=204,
    response_class=Response,
    summary="Remove a source",
    description="Appends `feed.removed`; the source's history stays in the log. Requires an admin key.",
    responses=WRITE_PROBLEMS,
)
async def delete_feed(
    feed_id: FeedId,
    reason: Annotated[Text(500, description="Why; kept in the `feed.removed` event.") | None, Query()] = None,
    write: Write = Depends(),
) -> Response:
    async def command(uow: UnitOfWork) -> Outcome:
        await service.delete_feed(uow, feed_id, reason)
        return Outcome(204)

    return await write.run(command)
