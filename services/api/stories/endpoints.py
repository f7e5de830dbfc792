"""`GET /v1/stories` (filtered, paged or exported) and `GET /v1/stories/{story_id}`."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.api.auth import Principal, reader
from services.api.deps import ReadConnection, get_db
from services.api.fields import NO_NUL
from services.api.listing import list_or_export, list_responses
from services.api.pagination import TIME_AND_ID_KEY, Keyset
from services.api.problems import ProblemError, problem_responses
from services.api.stories import repository
from services.api.stories.schemas import CSV_COLUMNS, SUMMARY_EXAMPLE, StoryDetail, StoryListQuery, StoryPage
from shared.unit_of_work import Database

router = APIRouter(prefix="/v1/stories", tags=["stories"])

KEYSET: Keyset[dict[str, Any]] = Keyset(
    "stories", lambda story: (story["first_seen_at"], story["story_id"]), TIME_AND_ID_KEY
)


@router.get(
    "",
    response_model=StoryPage,
    summary="Stories, newest first",
    description="Stories merged from every outlet that carried them. With `format=csv` or `format=ndjson` "
    "every matching story is streamed.",
    responses=list_responses(SUMMARY_EXAMPLE, CSV_COLUMNS),
)
async def list_stories(
    query: Annotated[StoryListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    fetch = partial(repository.list_stories, filters=query)
    return await list_or_export(KEYSET, conn, db, fetch, query, StoryPage, CSV_COLUMNS)


@router.get(
    "/{story_id}",
    response_model=StoryDetail,
    summary="One story with its items and sources",
    responses=problem_responses(401, 404, 422, 429),
)
async def get_story(
    story_id: Annotated[str, Path(max_length=200, pattern=NO_NUL, examples=[SUMMARY_EXAMPLE["story_id"]])],
    conn: ReadConnection,
    _: Principal = Depends(reader),
) -> StoryDetail:
    story = await repository.get_story(conn, story_id)
    if story is None:
        raise ProblemError(404, f"No story with id {story_id!r}.", kind="not-found")
    return StoryDetail.model_validate(story)
