"""Stable 64-bit hashing shared by the similarity modules.

Python's built-in ``hash()`` is salted per process, so two dedupe instances
would disagree on every key. Everything here is a pure function of its input.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable

import numpy as np

MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(x: int) -> int:
    """The SplitMix64 finaliser: a bijective, well-mixing map on 64-bit ints."""
    x = (x + _GOLDEN) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def seeded_sequence(seed: int, count: int) -> list[int]:
    """``count`` pseudo-random 64-bit ints, the same on every machine and version."""
    out, state = [], seed & MASK64
    for _ in range(count):
        state = (state + _GOLDEN) & MASK64
        out.append(splitmix64(state))
    return out


def mix64(values: np.ndarray) -> np.ndarray:
    """Vectorised SplitMix64 finaliser over a uint64 array."""
    x = values.astype(np.uint64, copy=True)
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


_TOKEN_CACHE: dict[str, int] = {}
_TOKEN_CACHE_LIMIT = 1_000_000


def token_hash(token: str) -> int:
    """64-bit hash of a token from two CRC-32s (C speed, no salt), memoised:
    news vocabulary repeats, so most tokens cost one dictionary lookup."""
    cached = _TOKEN_CACHE.get(token)
    if cached is not None:
        return cached
    data = token.encode("utf-8")
    value = zlib.crc32(data) | (zlib.crc32(data, 0x5BD1E995) << 32)
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_LIMIT:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[token] = value
    return value


def token_hashes(tokens: Iterable[str]) -> list[int]:
    """`token_hash` of each token; a known one costs a lookup and no call."""
    known = _TOKEN_CACHE.get
    return [h if (h := known(t)) is not None else token_hash(t) for t in tokens]


def text_digest(text: str) -> int:
    """Signed 64-bit digest of a whole text, fit for a PostgreSQL ``bigint``."""
    raw = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    return to_signed64(raw)


def to_signed64(value: int) -> int:
    value &= MASK64
    return value - (1 << 64) if value >= 1 << 63 else value
