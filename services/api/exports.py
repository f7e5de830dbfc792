"""Streamed exports of list endpoints: `format=csv` or `format=ndjson`.

An export holds no more than one batch in memory and no database connection between batches.
CSV cells that a spreadsheet would run as a formula are prefixed with a quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from enum import Enum
from typing import Any

import orjson
from fastapi.responses import StreamingResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Format(str, Enum):
    json = "json"
    csv = "csv"
    ndjson = "ndjson"


NDJSON = "application/x-ndjson"
CSV = "text/csv; charset=utf-8"


def export_content(example_row: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """OpenAPI `content` entries for the export formats of a list endpoint."""
    csv_example = ",".join(columns) + "\n" + ",".join(_cell(example_row.get(c)) for c in columns) + "\n"
    return {
        "text/csv": {"schema": {"type": "string"}, "example": csv_example},
        NDJSON: {"schema": {"type": "string"}, "example": orjson.dumps(example_row).decode() + "\n"},
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        text = orjson.dumps(value).decode()
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif hasattr(value, "isoformat"):
        text = value.isoformat()
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


async def _csv_lines(rows: AsyncIterator[dict[str, Any]], columns: Sequence[str]) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    async for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


async def _ndjson_lines(rows: AsyncIterator[dict[str, Any]]) -> AsyncIterator[bytes]:
    async for row in rows:
        yield orjson.dumps(row, default=str, option=orjson.OPT_NON_STR_KEYS) + b"\n"


def export_response(
    fmt: Format, rows: AsyncIterator[dict[str, Any]], columns: Sequence[str], name: str
) -> StreamingResponse:
    if fmt is Format.csv:
        body, media_type, suffix = _csv_lines(rows, columns), CSV, "csv"
    else:
        body, media_type, suffix = _ndjson_lines(rows), NDJSON, "ndjson"
    headers = {"Content-Disposition": f'attachment; filename="{name}.{suffix}"'}
    return StreamingResponse(body, media_type=media_type, headers=headers)
