"""MinHash signatures over a fixed, seeded family of hash permutations.

Each permutation is multiply-add-shift hashing, h_i(x) = ((a_i * x + b_i) mod 2^64) >> 32
with odd a_i (Dietzfelbinger's universal family): numpy's wrapping uint64
arithmetic computes all of them for all shingles in one vectorised step.
The a_i, b_i come from SplitMix64 on a fixed seed, so every process and every
machine derives the same signature for the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from services.dedupe.similarity.hashing import seeded_sequence

DEFAULT_NUM_PERM = 128
DEFAULT_SEED = 20200927
EMPTY_VALUE = np.uint32(0xFFFFFFFF)
_CHUNK = 4096


@dataclass(frozen=True)
class MinHasher:
    num_perm: int = DEFAULT_NUM_PERM
    seed: int = DEFAULT_SEED
    _a: np.ndarray = field(init=False, repr=False, compare=False)
    _b: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        values = seeded_sequence(self.seed, 2 * self.num_perm)
        a = np.array(values[: self.num_perm], dtype=np.uint64) | np.uint64(1)
        b = np.array(values[self.num_perm :], dtype=np.uint64)
        object.__setattr__(self, "_a", a)
        object.__setattr__(self, "_b", b)

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """uint32 signature of ``num_perm`` minima; all-ones for an empty set."""
        sig = np.full(self.num_perm, EMPTY_VALUE, dtype=np.uint32)
        for start in range(0, len(shingles), _CHUNK):
            chunk = shingles[start : start + _CHUNK].astype(np.uint64, copy=False)
            permuted = chunk[:, None] * self._a[None, :]
            permuted += self._b[None, :]
            # the shift is monotone, so it can follow the minimum: 128 shifts, not one per cell
            np.minimum(sig, (permuted.min(axis=0) >> np.uint64(32)).astype(np.uint32), out=sig)
        return sig


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal minima."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def containment(jaccard_estimate: float, size_a: int, size_b: int) -> float:
    """Estimated |A ∩ B| / min(|A|, |B|) from a Jaccard estimate and the set sizes.

    A trimmed copy has a low Jaccard with the full text (it is small) but is
    almost wholly contained in it.
    """
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    intersection = jaccard_estimate * (size_a + size_b) / (1.0 + jaccard_estimate)
    return min(1.0, intersection / smaller)


def to_bytes(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
