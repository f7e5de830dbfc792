from dataclasses import replace
from datetime import UTC, datetime

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
