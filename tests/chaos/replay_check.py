"""Projections rebuilt by `sitrep replay` must equal the live ones, row for row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.readmodel.projections import all_projections
from tools.processes import sitrep

NOT_FROM_EVENTS = {"deliveries": {"leased_until", "lease_owner"}}
"""Columns a worker sets while it holds a row, which no event records."""


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    tables: dict[str, list[tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table in all_projections().tables:
            skip = NOT_FROM_EVENTS.get(table.name, set())
            columns = [c for c in table.columns if c.name not in skip]
            order = list(table.primary_key.columns) or columns
            tables[table.name] = [tuple(r) for r in await conn.execute(select(*columns).order_by(*order))]
    return tables


async def replay_equals_live(engine: AsyncEngine, env: dict[str, str]) -> dict[str, int]:
    """Run `sitrep replay` and compare every projection table before and after; returns row counts."""
    live = await snapshot(engine)
    output = sitrep(["replay"], env, timeout=600)
    if "replayed" not in output:
        raise AssertionError(f"sitrep replay said: {output[-500:]}")
    rebuilt = await snapshot(engine)
    for name, rows in live.items():
        if rows != rebuilt[name]:
            only_live = set(rows) - set(rebuilt[name])
            only_replay = set(rebuilt[name]) - set(rows)
            raise AssertionError(f"replayed {name} differs: {len(only_live)} rows only live (e.g. "
                                 f"{sorted(map(str, only_live))[:2]}), {len(only_replay)} only after replay (e.g. "
                                 f"{sorted(map(str, only_replay))[:2]})")
    return {name: len(rows) for name, rows in live.items()}
