"""Field types for request values PostgreSQL can store: no NUL characters, bounded sizes."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

NO_NUL = r"^[^\x00]*$"


def _utc(value: datetime) -> datetime:
    """Times without an offset are taken as UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("time out of range") from exc


def storable(value: str) -> str:
    """Refuses lone surrogates, which are not UTF-8 and which PostgreSQL cannot store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("strings must be valid Unicode (no lone surrogates)") from exc
    return value


def Text(max_length: int = 200, **field: Any) -> Any:
    """A string of at most `max_length` characters without NUL (PostgreSQL text cannot hold it)."""
    return Annotated[
        str, StringConstraints(max_length=max_length, pattern=NO_NUL), AfterValidator(storable), Field(**field)
    ]


Time = Annotated[datetime, AfterValidator(_utc)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$", to_upper=True)]
Language = Annotated[str, StringConstraints(max_length=35, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
HttpUrl = Annotated[str, StringConstraints(max_length=2048, pattern=r"^https?://[^\s\x00]+$"), AfterValidator(storable)]

MAX_POSITION = 2**63 - 1
Position = Annotated[int, Field(ge=0, le=MAX_POSITION)]

MAX_JSON_DEPTH = 8


def _json_safe(value: Any, depth: int = 0) -> Any:
    """Refuses what JSONB cannot store (NUL in strings, NaN and infinities), numbers beyond 64 bits
    (JSON tools disagree on them), and deep nesting."""
    if depth > MAX_JSON_DEPTH:
        raise ValueError(f"nested deeper than {MAX_JSON_DEPTH} levels")
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("strings must not contain NUL characters")
        storable(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("numbers must be finite")
        if abs(value) >= 2**63:  # JSONB writes 1e55 out in full, which reads back as an integer
            raise ValueError("numbers must lie within ±2^63")
    elif isinstance(value, int) and not isinstance(value, bool):
        if not -(2**63) <= value < 2**63:
            raise ValueError("integers must fit in 64 bits")
    elif isinstance(value, list):
        for item in value:
            _json_safe(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _json_safe(key, depth + 1)
            _json_safe(item, depth + 1)
    return value


JsonObject = Annotated[dict[str, Any], AfterValidator(_json_safe)]
