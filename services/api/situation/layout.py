"""The side-by-side table: one row per loss (whose, what, which subject), one column per claimant party."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shared.claims.registry import registry


@dataclass
class SideBySide:
    parties: list[str]
    rows: list[tuple[str, str, str | None, dict[str, dict[str, Any]]]] = field(default_factory=list)
    """(whose losses, category, subject, {claimant party: tally})."""


def side_by_side(conflict_id: str, tallies: list[dict[str, Any]]) -> SideBySide:
    conflict = next((c for c in registry().conflicts if c.id == conflict_id), None)
    sides = conflict.sides if conflict else ()

    def whose(party: str) -> tuple[int, str]:
        for index, side in enumerate(sides):
            if party in side:
                return index, side[0]
        return len(sides), party

    parties = sorted({t["claimant_party"] for t in tallies}, key=lambda party: (whose(party), party))
    cells: dict[tuple[tuple[int, str], str, str | None], dict[str, dict[str, Any]]] = {}
    for tally in tallies:
        key = (whose(tally["suffered_by"]), tally["category"], tally["subject"])
        cells.setdefault(key, {})[tally["claimant_party"]] = tally
    ordered = sorted(cells.items(), key=lambda item: (item[0][0], item[0][1], item[0][2] or ""))
    return SideBySide(parties, [(side[1], category, subject, row) for (side, category, subject), row in ordered])


def figure(count_min: int | None, count_max: int | None, approximate: bool = False) -> str:
    """4; 30–40; at least 30; at most 10 (with ~ when approximate)."""
    prefix = "~" if approximate else ""
    if count_min is not None and count_max is not None:
        return f"{prefix}{count_min:,}" if count_min == count_max else f"{prefix}{count_min:,}–{count_max:,}"
    if count_min is not None:
        return f"at least {prefix}{count_min:,}"
    if count_max is not None:
        return f"at most {prefix}{count_max:,}"
    return "—"


def change(value: int | None) -> str:
    if value is None:
        return ""
    return f"+{value:,}" if value > 0 else f"{value:,}" if value < 0 else "±0"
