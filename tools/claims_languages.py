"""The claim sets of the belligerents' languages (tests/data/claims/<lang>/*.jsonl), split by a
fixed rule into a development part and a held-out part, and scored per language.

The rule (tests/data/claims/README.md): a case is held out when the first eight hex digits of
the SHA-256 of its id, as a number, leave a remainder of 7, 8 or 9 divided by 10.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from tools.claims_scoring import Score, load_cases, score_cases

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims"
LANGUAGES = ("ru", "uk", "hy", "az")
PARTS = ("development", "held-out")


def part_of(case_id: str) -> str:
    return "held-out" if int(hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:8], 16) % 10 >= 7 else "development"


def cases(language: str, part: str | None = None) -> list[dict]:
    found = [case for path in sorted((DATA / language).glob("*.jsonl")) for case in load_cases(path)]
    return [case for case in found if part is None or part_of(case["id"]) == part]


def score(language: str, part: str | None = None) -> Score:
    return score_cases(cases(language, part))


def describe(score: Score) -> str:
    return (f"precision {score.precision:.3f} recall {score.recall:.3f} side {score.side_accuracy:.3f} "
            f"party {score.party_accuracy:.3f} claimant {score.claimant_accuracy:.3f} "
            f"({score.true_positives} right, {score.false_positives} spurious, {score.false_negatives} missed; "
            f"historical alerting {score.historical_alerting})")


def main(arguments: list[str]) -> None:
    """Print the development failures of the languages given (all by default) and the figures."""
    languages = [a for a in arguments if a in LANGUAGES] or list(LANGUAGES)
    verbose = "-q" not in arguments
    for language in languages:
        development = cases(language, "development")
        result = score_cases(development)
        by_id = {case["id"]: case for case in development}
        for case in result.cases:
            if case.passed or not verbose:
                continue
            print(f"- {case.case_id}: {by_id[case.case_id]['text'][:600]}")
            for expected in case.missed:
                print(f"    missed   {json.dumps({k: v for k, v in expected.items() if k in ('kind', 'category', 'subject', 'count', 'side', 'party', 'basis', 'historical')}, ensure_ascii=False)}")
            for got in case.spurious:
                print(f"    spurious {json.dumps({k: v for k, v in got.items() if k in ('kind', 'category', 'subject', 'count', 'side', 'claimant', 'historical', 'basis')}, ensure_ascii=False)}")
            for fault in case.wrong:
                print(f"    wrong    {fault}")
            for expected, got in case.matched:
                if "party" in expected and expected["party"] != got.get("claimant_party"):
                    print(f"    party    expected {expected['party']!r}, got {got.get('claimant_party')!r} ({got.get('claimant')!r})")
        print(f"{language} development: {describe(result)}")


if __name__ == "__main__":
    main(sys.argv[1:])
