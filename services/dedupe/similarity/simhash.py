"""64-bit SimHash (Charikar) with Manku, Jain & Das Sarma's block tables.

Near-duplicates are fingerprints within Hamming distance k = 3. Split the 64
bits into 4 blocks of 16: if two fingerprints differ in at most 3 bits, at
least one block is identical (pigeonhole). So 4 tables, table i keyed by
block i — Manku et al.'s permuted tables with the block moved to the top —
find every fingerprint within distance 3 by exact lookups, and only the few
fingerprints sharing a 16-bit block are compared bit by bit.
"""

from __future__ import annotations

import numpy as np

from services.dedupe.similarity.hashing import to_signed64

BITS = 64
MAX_DISTANCE = 3
BLOCKS = 4
BLOCK_BITS = BITS // BLOCKS
_SHIFTS = np.arange(BITS, dtype=np.uint64)


def simhash(shingles: np.ndarray) -> int:
    """Signed 64-bit SimHash of a set of (well-mixed) 64-bit feature hashes."""
    if len(shingles) == 0:
        return 0
    bits = (shingles.astype(np.uint64)[:, None] >> _SHIFTS[None, :]) & np.uint64(1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(shingles)
    value = 0
    for bit in np.flatnonzero(votes > 0):
        value |= 1 << int(bit)
    return to_signed64(value)


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << BITS) - 1)).bit_count()


def block_keys(fingerprint: int) -> list[tuple[int, int]]:
    """(table number, 16-bit block value) for each of the 4 tables."""
    unsigned = fingerprint & ((1 << BITS) - 1)
    mask = (1 << BLOCK_BITS) - 1
    return [(i, (unsigned >> (i * BLOCK_BITS)) & mask) for i in range(BLOCKS)]


def similarity(distance: int) -> float:
    return 1.0 - distance / BITS
