import numpy as np
import pytest

from services.dedupe.similarity.lsh import Banding, choose_banding
from services.dedupe.similarity.minhash import MinHasher


def test_s_curve_and_threshold():
    banding = Banding(32, 4)
    assert banding.threshold() == pytest.approx(0.42, abs=0.01)
    assert banding.collision_probability(0.5) == pytest.approx(1 - (1 - 0.5**4) ** 32)
    assert banding.collision_probability(0.1) < 0.01 < 0.99 < banding.collision_probability(0.8)


def test_choose_banding_puts_the_curve_near_the_threshold():
    for threshold in (0.3, 0.5, 0.8):
        banding = choose_banding(128, threshold)
        assert abs(banding.threshold() - threshold) < 0.12
        assert banding.num_perm <= 128


def test_equal_bands_hash_equal_and_bands_are_told_apart():
    sig = MinHasher().signature(np.arange(20, dtype=np.uint64))
    banding = Banding(32, 4)
    assert banding.band_hashes(sig) == banding.band_hashes(sig.copy())
    assert len(set(banding.band_hashes(np.zeros(128, dtype=np.uint32)))) == 32
    other = Banding(32, 4, salt=1).band_hashes(sig)
    assert not set(other) & set(banding.band_hashes(sig))


def test_one_changed_row_changes_one_band():
    sig = MinHasher().signature(np.arange(20, dtype=np.uint64))
    changed = sig.copy()
    changed[5] ^= 1
    a, b = Banding(32, 4).band_hashes(sig), Banding(32, 4).band_hashes(changed)
    assert [i for i in range(32) if a[i] != b[i]] == [1]


def test_candidate_rate_follows_the_s_curve():
    rng = np.random.default_rng(1)
    hasher, banding = MinHasher(), Banding(32, 4)
    hits = 0
    for _ in range(200):
        base = rng.integers(0, 2**63, 300, dtype=np.uint64)
        other = base.copy()
        other[:100] = rng.integers(0, 2**63, 100, dtype=np.uint64)  # J = 200/400 = 0.5
        hits += bool(set(banding.band_hashes(hasher.signature(base)))
                     & set(banding.band_hashes(hasher.signature(other))))
    assert hits / 200 == pytest.approx(banding.collision_probability(0.5), abs=0.08)


def test_short_signature_is_refused():
    with pytest.raises(ValueError):
        Banding(32, 4).band_hashes(np.zeros(64, dtype=np.uint32))
