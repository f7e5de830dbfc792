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


def simhash(shingles: np.ndarray) -> int:
    """Signed 64-bit SimHash of a set of (well-mixed) 64-bit feature hashes."""
    if len(shingles) == 0:
        return 0
    little = shingles.astype("<u8", copy=False).view(np.uint8).reshape(-1, 8)
    ones = np.unpackbits(little, axis=1, bitorder="little").sum(axis=0, dtype=np.int64)
    majority = np.packbits(ones * 2 > len(shingles), bitorder="little")
    return to_signed64(int.from_bytes(majority.tobytes(), "little"))


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << BITS) - 1)).bit_count()


def block_keys(fingerprint: int) -> list[tuple[int, int]]:
    """(table number, 16-bit block value) for each of the 4 tables."""
    unsigned = fingerprint & ((1 << BITS) - 1)
    mask = (1 << BLOCK_BITS) - 1
    return [(i, (unsigned >> (i * BLOCK_BITS)) & mask) for i in range(BLOCKS)]


def similarity(distance: int) -> float:
    return 1.0 - distance / BITS
