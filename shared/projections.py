"""Projections: tables derived from events, updated in the transaction that appends them.

The same `apply` runs live and during a replay, so a replay of the log yields the same
projections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event


class Projection(Protocol):
    name: str
    handles: frozenset[str]
    tables: Sequence[Table]

    async def apply(self, conn: AsyncConnection, event: Event) -> None: ...


class Projections:
    """Dispatches each event to the projections that handle its type."""

    def __init__(self, projections: Iterable[Projection] = ()) -> None:
        self.all = list(projections)
        self._by_type: dict[str, list[Projection]] = {}
        for projection in self.all:
            for event_type in projection.handles:
                self._by_type.setdefault(event_type, []).append(projection)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        for projection in self._by_type.get(event.type, ()):
            await projection.apply(conn, event)

    @property
    def tables(self) -> list[Table]:
        return [table for projection in self.all for table in projection.tables]

    async def truncate(self, conn: AsyncConnection) -> None:
        names = ", ".join(f'"{table.name}"' for table in self.tables)
        if names:
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
