import subprocess
import sys

import numpy as np

from services.dedupe.similarity.text_features import (
    feature_text,
    normalise,
    shingle_hashes,
    strip_boilerplate,
    text_features,
)


def test_normalise_folds_case_quotes_separators_and_markers():
    assert normalise("[ad_1]\nThe “Defence” Ministry — 1,200 TANKS, see https://x.example/a") == (
        "the defence ministry 1200 tanks see"
    )


def test_normalise_keeps_decimals_and_non_latin_words():
    assert normalise("Rast o 3.5 % v Žiline") == "rast o 3.5 v žiline"


def test_strip_boilerplate_drops_dateline_and_footer_lines_only():
    text = "BAKU (Wire) — Twelve drones were downed.\nThey fell near Fuzuli.\n© 2020 Wire. All rights reserved."
    assert strip_boilerplate(text) == "Twelve drones were downed.\nThey fell near Fuzuli."


def test_title_joins_only_a_near_empty_body():
    assert feature_text("Headline", "Body of a real entry with more than eight words in it") == (
        "Body of a real entry with more than eight words in it"
    )
    assert feature_text("Headline", "Two words") == "Headline\nTwo words"


def test_shingles_are_order_sensitive_bigrams_and_trigrams():
    a = shingle_hashes("a b c d".split())
    assert len(a) == 3 + 2
    assert set(a) != set(shingle_hashes("d c b a".split()))
    assert len(shingle_hashes(["solo"])) == 1
    assert len(shingle_hashes(["two", "words"])) == 1
    assert len(shingle_hashes([])) == 0


def test_the_lead_is_the_opening_of_a_text_of_twenty_words_or_more():
    words = [f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(100)]
    tiny, short, long = (text_features("", " ".join(words[:n])) for n in (15, 30, 100))
    assert len(tiny.lead_shingles) == 0
    assert np.array_equal(short.lead_shingles, short.shingles)
    assert 0 < len(long.lead_shingles) < len(long.shingles)
    assert set(long.lead_shingles) == set(text_features("", " ".join(words[:40])).shingles)


def test_hashes_are_the_same_in_another_process():
    words = "armenia and azerbaijan agreed to a humanitarian ceasefire".split()
    here = shingle_hashes(words).tolist()
    code = (
        "from services.dedupe.similarity.text_features import shingle_hashes;"
        f"print(shingle_hashes({words!r}).tolist())"
    )
    there = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONHASHSEED": "12345", "PYTHONPATH": "."},
    ).stdout
    assert np.array_equal(here, eval(there))
