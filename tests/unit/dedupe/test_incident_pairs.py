"""The second tier on real labelled pairs (tests/data/incidents/PROVENANCE.md): same-incident recall
and the false-merge rate, each pair on its own."""

from collections import Counter

from tools.incident_pairs import decide_pairs, load_pairs, score
from tools.quality import Figure, assert_holds


def test_the_set_is_large_and_hard_enough():
    pairs = load_pairs()
    assert len(pairs) >= 300
    assert sum(p["label"] == "different" and p["hard"] for p in pairs) >= len(pairs) / 3
    languages = Counter(p[side]["lang"] for p in pairs for side in "ab")
    assert {"en", "ru", "uk", "hy", "az"} <= set(languages)


def test_same_incident_recall_and_false_merges():
    scores = score(decide_pairs(load_pairs()))
    assert scores.recall >= 0.60, scores
    assert scores.false_merge_rate <= 0.02, scores
    assert_holds("incidents.pairs", {
        "recall": Figure(scores.recall, scores.same),
        "different_kept_apart": Figure(1 - scores.false_merge_rate, scores.different),
        "cross_language_recall": Figure(scores.cross_language_recall, scores.cross_same),
    })


def test_follow_up_events_are_incidents_of_their_own():
    pairs = [p for p in load_pairs() if "mi24-minute" in p["id"] or "funerals" in p["id"]]
    assert pairs and not any(o.joined for o in decide_pairs(pairs) if o.pair["label"] == "different")
