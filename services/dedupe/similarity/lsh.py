"""LSH banding: b bands of r rows each, one hash per band.

Two items become candidates when any band is equal, which happens with
probability 1 - (1 - J^r)^b for Jaccard similarity J — the S-curve. Its
inflection sits near (1/b)^(1/r). Banding only proposes candidates; every
candidate is then verified on its full signature (and its numbers and dates),
so the curve is placed *below* the merge threshold: missing a candidate loses
a merge for good, while an extra candidate costs one signature comparison.

Default 32 bands x 4 rows over 128 permutations: inflection (1/32)^(1/4) ≈ 0.42,
below the merge threshold J = 0.5. A pair is proposed with p = 0.23 at J = 0.3,
0.87 at 0.5, 0.99 at 0.6. ``bench/shingle_choice.py`` compares bandings on the
labelled set (precision, recall, entries verified per item).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.dedupe.similarity.hashing import mix64, seeded_sequence

_ROW_SALTS = np.array(seeded_sequence(0xBA4D, 64), dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Banding:
    bands: int
    rows: int
    salt: int = 0
    """Tells apart the band hashes of different bandings kept in one table."""

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows

    def threshold(self) -> float:
        """Approximate Jaccard at the S-curve's inflection, (1/b)^(1/r)."""
        return (1.0 / self.bands) ** (1.0 / self.rows)

    def collision_probability(self, similarity: float) -> float:
        return 1.0 - (1.0 - similarity**self.rows) ** self.bands

    def band_hashes(self, signature: np.ndarray) -> list[int]:
        """One signed 64-bit hash per band (index = band number)."""
        if len(signature) < self.num_perm:
            raise ValueError(f"signature has {len(signature)} values, banding needs {self.num_perm}")
        rows = signature[: self.num_perm].astype(np.uint64).reshape(self.bands, self.rows)
        acc = np.arange(self.bands, dtype=np.uint64) + np.uint64(self.salt << 16)
        for r in range(self.rows):
            acc = mix64(acc ^ (rows[:, r] * _ROW_SALTS[r]))
        return acc.view(np.int64).tolist()


def choose_banding(
    num_perm: int, threshold: float, fp_weight: float = 0.5, fn_weight: float = 0.5
) -> Banding:
    """The (b, r) with b*r <= num_perm minimising weighted false-positive and
    false-negative areas under the S-curve around ``threshold`` (the method of
    Leskovec, Rajaraman and Ullman, ch. 3)."""
    grid = np.linspace(0.0, 1.0, 201)
    best: tuple[float, Banding] | None = None
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands == 0:
            break
        banding = Banding(bands, rows)
        probs = 1.0 - (1.0 - grid**rows) ** bands
        below, above = grid < threshold, grid >= threshold
        fp = np.trapezoid(probs[below], grid[below]) if below.any() else 0.0
        fn = np.trapezoid(1.0 - probs[above], grid[above]) if above.any() else 0.0
        cost = fp_weight * fp + fn_weight * fn
        if best is None or cost < best[0]:
            best = (cost, banding)
    assert best is not None
    return best[1]
