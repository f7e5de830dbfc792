"""Keyset pagination: opaque cursors that name the last row a page ended on.

A cursor is base64url of `{"k": kind, "v": key}`; the kind stops a stories cursor from being used
on events. Anything that does not decode to a key of the right shape is a 400 problem.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.fields import Position, Text, Time
from services.api.problems import ProblemError
from shared.unit_of_work import Database

T = TypeVar("T")
MAX_CURSOR_LENGTH = 512
EXPORT_BATCH = 500

Fetch = Callable[[AsyncConnection, Any, int], Awaitable[Sequence[T]]]


# Keys as cursors carry them; parsed as strictly as query parameters, since a client can forge them.
POSITION_KEY: TypeAdapter[tuple[int]] = TypeAdapter(tuple[Position])
TIME_AND_ID_KEY: TypeAdapter[tuple[datetime, str]] = TypeAdapter(tuple[Time, Text(200)])


def bad_cursor(detail: str = "The cursor is not one this endpoint issued.") -> ProblemError:
    return ProblemError(400, detail, kind="bad-cursor", title="Bad cursor")


@dataclass(frozen=True)
class Keyset(Generic[T]):
    """How one list is ordered: `key` gives a row's sort key, `adapter` parses it back."""

    kind: str
    key: Callable[[T], tuple[Any, ...]]
    adapter: TypeAdapter[Any]

    def encode(self, row: T) -> str:
        raw = orjson.dumps({"k": self.kind, "v": list(self.key(row))})
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def decode(self, cursor: str) -> Any:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            body = orjson.loads(raw)
        except (binascii.Error, ValueError) as exc:
            raise bad_cursor() from exc
        if not isinstance(body, dict) or body.get("k") != self.kind:
            raise bad_cursor()
        try:
            return self.adapter.validate_python(body.get("v"))
        except ValidationError as exc:
            raise bad_cursor() from exc

    async def page(self, conn: AsyncConnection, fetch: Fetch[T], after: Any, limit: int) -> tuple[list[T], str | None]:
        """One page and the cursor of the next (None when this page is the last)."""
        rows = list(await fetch(conn, after, limit + 1))
        if len(rows) <= limit:
            return rows, None
        return rows[:limit], self.encode(rows[limit - 1])

    async def all(self, db: Database, fetch: Fetch[T], after: Any) -> AsyncIterator[T]:
        """Every row from `after` on, one short-lived connection per batch (for exports)."""
        while True:
            async with db.engine.connect() as conn:
                rows = list(await fetch(conn, after, EXPORT_BATCH))
            for row in rows:
                yield row
            if len(rows) < EXPORT_BATCH:
                return
            after = self.key(rows[-1])


class Page(BaseModel, Generic[T]):
    data: list[T]
    next: str | None = Field(None, description="Cursor of the next page (pass it as `cursor`); null on the last page.")
