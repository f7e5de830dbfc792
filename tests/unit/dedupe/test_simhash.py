import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from services.dedupe.similarity.simhash import block_keys, hamming, simhash
from services.dedupe.similarity.text_features import normalise, shingle_hashes

WIRE = ("Armenia and Azerbaijan agreed to a humanitarian ceasefire from noon on October 10 after "
        "more than ten hours of talks in Moscow, Russian Foreign Minister Sergei Lavrov said. The "
        "truce is meant to allow the exchange of prisoners and the bodies of the dead, mediated by "
        "the International Committee of the Red Cross.")


def _fp(text: str) -> int:
    return simhash(shingle_hashes(normalise(text).split()))


def test_identical_texts_share_a_fingerprint_and_a_light_edit_stays_close():
    edited = WIRE.replace("Russian Foreign Minister", "Russia's foreign minister")
    unrelated = "The Eagles beat the Patriots in the Super Bowl as fans celebrated in the streets."
    assert _fp(WIRE) == _fp(WIRE.upper())
    assert hamming(_fp(WIRE), _fp(edited)) < hamming(_fp(WIRE), _fp(unrelated))
    assert hamming(_fp(WIRE), _fp(unrelated)) > 10


def test_empty_text_has_fingerprint_zero():
    assert simhash(np.empty(0, dtype=np.uint64)) == 0


@given(st.integers(0, 2**64 - 1), st.sets(st.integers(0, 63), max_size=3))
def test_within_distance_three_some_block_table_matches(fingerprint, bits):
    other = fingerprint
    for bit in bits:
        other ^= 1 << bit
    assert hamming(fingerprint, other) == len(bits)
    assert set(block_keys(fingerprint)) & set(block_keys(other))


def test_block_keys_cover_all_bits_and_accept_signed_values():
    keys = block_keys(-1)
    assert keys == [(0, 0xFFFF), (1, 0xFFFF), (2, 0xFFFF), (3, 0xFFFF)]
