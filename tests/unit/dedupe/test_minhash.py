import numpy as np
import pytest

from services.dedupe.similarity.minhash import MinHasher, containment, from_bytes, jaccard, to_bytes


def _set(start: int, stop: int) -> np.ndarray:
    return np.arange(start, stop, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


@pytest.mark.parametrize("overlap", [0, 100, 200, 300, 400])
def test_estimate_tracks_true_jaccard(overlap):
    hasher = MinHasher(num_perm=256)
    a, b = _set(0, 400), _set(400 - overlap, 800 - overlap)
    true = overlap / (800 - overlap)
    assert jaccard(hasher.signature(a), hasher.signature(b)) == pytest.approx(true, abs=0.09)


def test_same_seed_same_signature_other_seed_differs():
    s = _set(0, 50)
    assert np.array_equal(MinHasher(seed=7).signature(s), MinHasher(seed=7).signature(s))
    assert not np.array_equal(MinHasher(seed=7).signature(s), MinHasher(seed=8).signature(s))


def test_signature_is_independent_of_chunking_and_order():
    hasher = MinHasher()
    big = _set(0, 10_000)
    assert np.array_equal(hasher.signature(big), hasher.signature(big[::-1].copy()))


def test_empty_set_has_the_all_ones_signature_and_no_similarity_with_text():
    hasher = MinHasher()
    empty = hasher.signature(np.empty(0, dtype=np.uint64))
    assert (empty == 0xFFFFFFFF).all()
    assert jaccard(empty, hasher.signature(_set(0, 10))) == 0.0


def test_containment_of_a_subset_is_one():
    assert containment(jaccard_estimate=0.25, size_a=100, size_b=25) == pytest.approx(1.0)
    assert containment(0.0, 10, 10) == 0.0


def test_bytes_round_trip():
    sig = MinHasher().signature(_set(0, 30))
    assert np.array_equal(from_bytes(to_bytes(sig)), sig)
