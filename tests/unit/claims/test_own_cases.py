"""The project's own cases meet the quality bar: precision, recall, claimant, history."""

from __future__ import annotations

from pathlib import Path

from tools.claims_scoring import load_cases, score_cases
from tools.quality import Figure, assert_holds

CASES = sorted((Path(__file__).parent / "cases").glob("*.jsonl"))


def test_there_are_enough_cases() -> None:
    assert sum(len(load_cases(path)) for path in CASES) >= 250


def test_own_cases_meet_the_bar() -> None:
    score = score_cases(case for path in CASES for case in load_cases(path))
    assert score.precision >= 0.95, score.summary()
    assert score.recall >= 0.90, score.summary()
    assert score.claimant_accuracy >= 0.90, score.summary()
    assert score.historical_alerting == 0, score.summary()
    assert_holds("claims.own_cases", {
        "precision": Figure(score.precision, score.found),
        "recall": Figure(score.recall, score.expected),
        "claimant_accuracy": Figure(score.claimant_accuracy, score.claimants_judged),
    })
