from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from services.dedupe.decision import Candidates, Entry, Method, Outcome, decide
from services.dedupe.fingerprint import DedupeConfig, Fingerprinter, Item

CONFIG = DedupeConfig()
NOW = datetime(2020, 10, 5, tzinfo=UTC)
TEXT = ("Azerbaijan's Defence Ministry said on Monday that its air defence units had shot down "
        "12 Armenian drones over the front line in the past day. The ministry said the drones "
        "were destroyed near the Fuzuli and Jabrayil districts and that no positions were hit.")
fingerprint = Fingerprinter(CONFIG)


def _fp(text: str = TEXT, **kw):
    return fingerprint(Item(id=kw.pop("id", "i1"), source="s", text=text, **kw), NOW)


def _entry(story: str, text: str) -> Entry:
    fp = _fp(text)
    return Entry(story, fp.signature, fp.size, fp.simhash, fp.lead_signature)


def test_evidence_order_repeat_then_url_then_text():
    found = Candidates(repeat_of="s1", same_url="s2", same_text="s3")
    assert decide(_fp(), found, CONFIG).outcome is Outcome.REPEAT
    assert decide(_fp(), replace(found, repeat_of=None), CONFIG).method is Method.URL
    d = decide(_fp(), replace(found, repeat_of=None, same_url=None), CONFIG)
    assert (d.outcome, d.story_id, d.method) == (Outcome.EXACT, "s3", Method.TEXT_HASH)


def test_near_duplicate_merges_with_method_and_similarity():
    copy = TEXT.replace("said on Monday", "announced on Monday")
    found = Candidates(near=[_entry("story-a", copy)], story_facts={"story-a": _fp(copy).facts})
    d = decide(_fp(), found, CONFIG)
    assert d.outcome is Outcome.NEAR_DUPLICATE and d.story_id == "story-a"
    assert d.method is Method.MINHASH and 0.5 <= d.similarity < 1.0


def test_conflicting_numbers_make_a_new_story_and_say_why():
    other_day = TEXT.replace("Monday", "Tuesday").replace("12 Armenian", "9 Armenian")
    found = Candidates(near=[_entry("story-b", other_day)], story_facts={"story-b": _fp(other_day).facts})
    d = decide(_fp(), found, CONFIG)
    assert d.outcome is Outcome.NEW and d.story_id is None
    assert d.rejected and d.rejected[0][0] == "story-b"


def test_unrelated_candidate_is_not_merged():
    found = Candidates(near=[_entry("x", "The Eagles won the Super Bowl in a thriller on Sunday night.")])
    assert decide(_fp(), found, CONFIG).outcome is Outcome.NEW


def test_the_best_story_wins_and_ties_break_by_story_id():
    close = TEXT.replace("past day", "last day")
    found = Candidates(near=[_entry("z", close), _entry("a", close), _entry("m", TEXT + " More text here.")])
    assert decide(_fp(), found, CONFIG).story_id in {"a", "m"}
    tie = Candidates(near=[_entry("z", close), _entry("a", close)])
    assert decide(_fp(), tie, CONFIG).story_id == "a"


@pytest.mark.parametrize("threshold,outcome", [(0.5, Outcome.NEAR_DUPLICATE), (0.99, Outcome.NEW)])
def test_threshold_is_honoured(threshold, outcome):
    copy = TEXT.replace("air defence units", "air-defence forces")
    config = replace(CONFIG, jaccard_threshold=threshold, containment_threshold=1.01,
                     simhash_distance=-1, lead_threshold=1.01)
    assert decide(_fp(), Candidates(near=[_entry("s", copy)]), config).outcome is outcome


# Signatures built by hand, so that each test sets the similarity it needs: 128 minima, of which
# `same` equal those of the item.
BASE = _fp()


def _sig(same: int, length: int = 128) -> np.ndarray:
    return np.concatenate([np.arange(same), np.arange(same, length) + 1000]).astype(np.uint32)


def _near(story: str, same: int = 0, *, size: int = 10, simhash_value: int = (1 << 64) - 1, lead=None) -> Entry:
    return Entry(story, _sig(same), size, simhash_value, lead)


ITEM = replace(BASE, signature=np.arange(128, dtype=np.uint32), size=10, simhash=0, lead_signature=None,
               facts=frozenset())


def _decide(*near: Entry, facts: dict[str, frozenset[str]] | None = None, item=ITEM):
    return decide(item, Candidates(near=list(near), story_facts=facts or {}), CONFIG)


def test_repeats_and_exact_copies_name_their_story_and_method():
    d = decide(ITEM, Candidates(repeat_of="s1"), CONFIG)
    assert (d.outcome, d.story_id, d.method, d.similarity, d.rejected) == (Outcome.REPEAT, "s1", Method.ITEM_KEY, 1.0, ())
    d = decide(ITEM, Candidates(same_url="s2"), CONFIG)
    assert (d.outcome, d.story_id, d.method) == (Outcome.EXACT, "s2", Method.URL)


def test_half_the_minima_equal_is_a_near_duplicate_one_fewer_is_not():
    d = _decide(_near("a", 64))
    assert (d.outcome, d.story_id, d.method, d.similarity) == (Outcome.NEAR_DUPLICATE, "a", Method.MINHASH, 0.5)
    assert _decide(_near("a", 63)).outcome is Outcome.NEW


def test_a_trimmed_copy_is_caught_by_containment_from_forty_shingles():
    # Jaccard 0.25 between sets of 40 and 120 shingles: 32 shared, 80 % of the smaller one.
    item = replace(ITEM, size=40)
    d = _decide(_near("a", 32, size=120), item=item)
    assert (d.outcome, d.story_id, d.method, d.similarity) == (Outcome.NEAR_DUPLICATE, "a", Method.CONTAINMENT, 0.8)
    assert _decide(_near("a", 31, size=120), item=item).outcome is Outcome.NEW
    assert _decide(_near("a", 32, size=120), item=replace(ITEM, size=39)).outcome is Outcome.NEW


def test_simhash_within_three_bits_is_a_near_duplicate():
    d = _decide(_near("a", simhash_value=0b111))
    assert (d.outcome, d.story_id, d.method, d.similarity) == (Outcome.NEAR_DUPLICATE, "a", Method.SIMHASH,
                                                               round(1 - 3 / 64, 4))
    assert _decide(_near("a", simhash_value=0b1111)).outcome is Outcome.NEW


def test_the_lead_paragraph_decides_when_both_have_one():
    lead = np.arange(10, dtype=np.uint32)
    item = replace(ITEM, lead_signature=lead)
    d = _decide(_near("a", lead=_sig(6, 10)), item=item)
    assert (d.outcome, d.story_id, d.method, d.similarity) == (Outcome.NEAR_DUPLICATE, "a", Method.LEAD, 0.6)
    assert _decide(_near("a", lead=_sig(5, 10)), item=item).outcome is Outcome.NEW
    assert _decide(_near("a", lead=_sig(10, 10))).outcome is Outcome.NEW  # the item has no lead
    assert _decide(_near("a"), item=item).outcome is Outcome.NEW  # the entry has none


def test_every_entry_is_verified_and_the_strongest_story_wins_ties_by_id():
    d = _decide(_near("a", 10), _near("b", 70), _near("c", 90), _near("d", 90))
    assert (d.story_id, d.similarity) == ("c", round(90 / 128, 4))
    d = _decide(_near("b", 70), _near("b", 100), _near("a", 90))
    assert (d.story_id, d.similarity) == ("b", round(100 / 128, 4))


def test_of_two_equally_strong_entries_of_a_story_the_first_is_kept():
    # 124 of 128 minima and 2 of 64 simhash bits apart are both 0.96875.
    d = _decide(_near("a", 124), _near("a", 0, simhash_value=0b11))
    assert (d.method, d.similarity) == (Method.MINHASH, 0.9688)
    d = _decide(_near("a", 0, simhash_value=0b11), _near("a", 124))
    assert d.method is Method.SIMHASH


def test_a_story_whose_facts_conflict_is_refused_and_the_next_one_taken():
    item = replace(ITEM, facts=frozenset({"n:drone=12"}))
    facts = {"a": frozenset({"n:drone=9"}), "b": frozenset({"n:drone=12"})}
    d = _decide(_near("a", 100), _near("b", 80), facts=facts, item=item)
    assert (d.outcome, d.story_id) == (Outcome.NEAR_DUPLICATE, "b")
    assert d.rejected == (("a", "n:drone: ['12'] vs ['9']"),)
    d = _decide(_near("a", 100), facts=facts, item=item)
    assert (d.outcome, d.story_id, d.rejected) == (Outcome.NEW, None, (("a", "n:drone: ['12'] vs ['9']"),))
