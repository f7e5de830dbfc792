"""Each host's boilerplate, learnt in PostgreSQL and shared by every dedupe instance.

`dedupe_host` counts a host's items, `dedupe_host_line` in how many of them each line occurred
(tables: `index/tables.py`; the rule: `shared/text/boilerplate.py`). Counting is one upsert per
item, an increment, so two instances counting at once lose nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from services.dedupe.index.tables import dedupe_host, dedupe_host_line
from shared.text.boilerplate import MIN_ITEMS, Lines, learnt

_COUNT_HOST = text(
    "INSERT INTO dedupe_host (host, item_count) VALUES (:host, 1) "
    "ON CONFLICT (host) DO UPDATE SET item_count = dedupe_host.item_count + 1"
)
_COUNT_LINES = text(
    """
    INSERT INTO dedupe_host_line (host, line_key, item_count, last_seen)
    SELECT :host, k, 1, now() FROM unnest(CAST(:keys AS bigint[])) AS k
    ON CONFLICT (host, line_key) DO UPDATE SET item_count = dedupe_host_line.item_count + 1, last_seen = now()
    """
)


class PgHostLines:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def boilerplate(self, host: str | None, lines: Lines) -> frozenset[int]:
        """Which of an item's lines its host has learnt to repeat (consent notices included)."""
        if host is None or not lines.keys:
            return lines.consent
        items = (await self._conn.execute(select(dedupe_host.c.item_count).where(dedupe_host.c.host == host))).scalar()
        if not items or items + 1 < MIN_ITEMS:
            return lines.consent
        rows = await self._conn.execute(
            select(dedupe_host_line.c.line_key, dedupe_host_line.c.item_count)
            .where(dedupe_host_line.c.host == host, dedupe_host_line.c.line_key.in_(lines.keys))
        )
        return lines.consent | learnt({key: seen + 1 for key, seen in rows}, items + 1)

    async def observe(self, host: str | None, lines: Lines) -> None:
        if host is None:
            return
        await self._conn.execute(_COUNT_HOST, {"host": host})
        if lines.keys:
            await self._conn.execute(_COUNT_LINES, {"host": host, "keys": sorted(lines.keys)})


async def forget_rare_lines(conn: AsyncConnection, before: datetime) -> int:
    """Lines last seen before `before` in fewer items than make boilerplate."""
    deleted = await conn.execute(
        delete(dedupe_host_line).where(dedupe_host_line.c.item_count < MIN_ITEMS, dedupe_host_line.c.last_seen < before)
    )
    return deleted.rowcount
