"""Sentences per second of the claim extractor over the project's cases (not a test)."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from shared.claims.extract import extract_claims  # noqa: E402
from shared.claims.sentences import split_sentences  # noqa: E402
from tools.claims_scoring import load_cases  # noqa: E402


def main(rounds: int = 20) -> None:
    cases = [case for path in sorted((REPO / "tests/unit/claims/cases").glob("*.jsonl")) for case in load_cases(path)]
    inputs = [(case["text"], date.fromisoformat(case["published"]), case.get("claimant")) for case in cases]
    sentences = sum(len(split_sentences(text)) for text, _, _ in inputs)
    extract_claims(*inputs[0])  # compile the lexicon outside the timing
    started = time.perf_counter()
    for _ in range(rounds):
        for text, published, claimant in inputs:
            extract_claims(text, published, claimant)
    elapsed = time.perf_counter() - started
    print(f"{sentences * rounds} sentences in {elapsed:.2f} s: {sentences * rounds / elapsed:,.0f} sentences/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
