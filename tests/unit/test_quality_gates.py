"""The ratchet itself: a fall or an unrecorded rise of more than one case fails, noise within one
case passes."""

from __future__ import annotations

import json

import pytest

from tools import quality
from tools.quality import Figure, drifts


@pytest.fixture
def figures(tmp_path, monkeypatch):
    path = tmp_path / "figures.json"
    path.write_text(json.dumps({"set": {"precision": 0.95, "recall": 0.90}}))
    monkeypatch.setattr(quality, "FIGURES", path)
    return path


def test_within_one_case_of_the_record_holds(figures) -> None:
    assert drifts("set", {"precision": Figure(0.945, 100), "recall": Figure(0.905, 100)}) == []


def test_a_fall_of_more_than_one_case_fails(figures) -> None:
    [problem] = drifts("set", {"precision": Figure(0.93, 100), "recall": Figure(0.90, 100)})
    assert "precision fell to 0.9300" in problem


def test_a_rise_without_a_new_record_fails(figures) -> None:
    [problem] = drifts("set", {"precision": Figure(0.95, 100), "recall": Figure(0.93, 100)})
    assert "recall rose" in problem and "raise its record" in problem


def test_a_figure_without_a_record_fails(figures) -> None:
    assert drifts("set", {"claimant": Figure(1.0, 10)}) == ["set: claimant = 1.0000 is not recorded"]
    with pytest.raises(KeyError):
        drifts("other", {"precision": Figure(1.0, 10)})
