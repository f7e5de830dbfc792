"""Case-insensitive substring filters whose `%` and `_` are literal, not wildcards."""

from __future__ import annotations

from typing import Any


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: Any, text: str) -> Any:
    return column.ilike(like_pattern(text), escape="\\")
