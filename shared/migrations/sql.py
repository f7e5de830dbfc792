"""Runs a SQL script in a migration one statement at a time (asyncpg prepares each statement)."""

from __future__ import annotations

import re

from alembic import op

_DOLLAR_QUOTE = re.compile(r"\$\$.*?\$\$", re.DOTALL)


def statements(script: str) -> list[str]:
    """Split on semicolons that are outside `$$ … $$` bodies."""
    protected: list[str] = []

    def hide(match: re.Match[str]) -> str:
        protected.append(match.group(0))
        return f"\x00{len(protected) - 1}\x00"

    hidden = _DOLLAR_QUOTE.sub(hide, script)
    parts = [part.strip() for part in hidden.split(";")]
    restore = re.compile(r"\x00(\d+)\x00")
    return [restore.sub(lambda m: protected[int(m.group(1))], part) for part in parts if part]


def execute_script(script: str) -> None:
    for statement in statements(script):
        op.execute(statement)
