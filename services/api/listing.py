"""The common body of every list endpoint: one page as JSON, or the whole list as an export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.exports import Format, export_content, export_response
from services.api.pagination import Fetch, Keyset
from services.api.problems import problem_responses
from shared.unit_of_work import Database

T = TypeVar("T")
PageModel = TypeVar("PageModel", bound=BaseModel)


class ListQuery(Protocol):
    cursor: str | None
    limit: int
    format: Format


def list_responses(example_row: dict[str, Any], export_columns: Sequence[str]) -> dict[int | str, Any]:
    """OpenAPI `responses` of a list endpoint: its export formats and its problems."""
    return {200: {"content": export_content(example_row, export_columns)}, **problem_responses(400, 401, 422, 429)}


def _same(row: Any) -> Any:
    return row


async def list_or_export(
    keyset: Keyset[T],
    conn: AsyncConnection,
    db: Database,
    fetch: Fetch[T],
    query: ListQuery,
    page_model: type[PageModel],
    export_columns: Sequence[str],
    *,
    start: Any = None,
    page_row: Callable[[T], Any] = _same,
    export_row: Callable[[T], dict[str, Any]] = _same,
) -> PageModel | StreamingResponse:
    """`start` is where the list begins when no cursor is given (None: from the first row).

    A page is read on the request's connection; an export reads batch by batch on connections of
    its own, as it outlives the request's.
    """
    if query.cursor is not None:
        start = keyset.decode(query.cursor)
    if query.format is not Format.json:
        rows = (export_row(row) async for row in keyset.all(db, fetch, start))
        return export_response(query.format, rows, export_columns, keyset.kind)
    page, next_cursor = await keyset.page(conn, fetch, start, query.limit)
    return page_model(data=[page_row(row) for row in page], next=next_cursor)
