"""What every webhook carries: the payload's format version, and the exact bytes that are signed
and sent (sorted keys, so a retried message is byte for byte the first)."""

from __future__ import annotations

import orjson

PAYLOAD_VERSION = 1


def body_of(payload: dict) -> bytes:
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
