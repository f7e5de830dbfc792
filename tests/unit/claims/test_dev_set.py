"""Every case of the shared development set passes, one test per case."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.claims_scoring import extract_for, load_cases, score_case

REPO = Path(__file__).resolve().parents[3]
SHARED_DATA = Path(os.environ.get("SITREP_SHARED_DATA", REPO.parent / "shared" / "data")).resolve()
DEV_CASES = load_cases(SHARED_DATA / "claims-dev.jsonl")


@pytest.mark.parametrize("case", DEV_CASES, ids=[case["id"] for case in DEV_CASES])
def test_dev_case(case: dict) -> None:
    result = score_case(case, extract_for(case))
    assert result.passed, {"missed": result.missed, "spurious": result.spurious, "wrong": result.wrong}
