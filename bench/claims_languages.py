"""Claims in the belligerents' languages: per language, sentences per second against the English
extractor's rate measured in the same run, and precision, recall, side and claimant's party on the
development and held-out parts; the ministry's daily pages (totals found, side, basis)."""

from __future__ import annotations

import resource
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import Results, arguments  # noqa: E402
from shared.claims.extract import extract_claims  # noqa: E402
from shared.claims.sentences import split_sentences  # noqa: E402
from tools.claims_languages import LANGUAGES, PARTS, cases, score  # noqa: E402
from tools.claims_scoring import load_cases  # noqa: E402
from tools.claims_tallies import pages, score_pages  # noqa: E402

TARGET_RATE = 1_500


def _inputs(found: list[dict]) -> list[tuple]:
    return [(case["text"], date.fromisoformat(case["published"]) if case.get("published") else None,
             case.get("claimant"), case.get("lang")) for case in found]


def rate(inputs: list[tuple], seconds: float) -> float:
    """Sentences per second over `inputs`, repeated for about `seconds` (after one warm-up pass)."""
    sentences = sum(len(split_sentences(text)) for text, *_ in inputs)
    for item in inputs:
        extract_claims(*item)  # load the analyser, compile the lexicon, fill the caches
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for item in inputs:
            extract_claims(*item)
        done += sentences
    return done / (time.perf_counter() - started)


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    seconds = 8.0 if args.full else 2.0
    results = Results("claims_languages", "claims in languages")
    english = _inputs([case for path in sorted((REPO / "tests/unit/claims/cases").glob("*.jsonl"))
                       for case in load_cases(path)])
    baseline = rate(english, seconds)
    results.measure("English extractor", "sentences/s", baseline, "sitrep (English cases)")
    for language in LANGUAGES:
        found = cases(language)
        ours = rate(_inputs(found), seconds)
        results.compare(f"{language}: sentences per second", "sentences/s", ours,
                        [("English extractor, same run", baseline), ("target", TARGET_RATE)])
        for part in PARTS:
            figures = score(language, part)
            detail = {"cases": len(figures.cases), "right": figures.true_positives,
                      "spurious": figures.false_positives, "missed": figures.false_negatives}
            for name, value in (("precision", figures.precision), ("recall", figures.recall),
                                ("side", figures.side_accuracy), ("claimant's party", figures.party_accuracy)):
                results.measure(f"{language} {part}: {name}", "share", value, "sitrep", detail)
    tallies = score_pages(pages())
    results.measure("ministry pages: totals found", "share", tallies.totals_recall, "sitrep",
                    {"totals": tallies.totals_expected})
    results.measure("ministry pages: side right", "share", tallies.side_accuracy, "sitrep", {"claims": tallies.claims})
    results.measure("ministry pages: basis on listed claims", "share", tallies.basis_share, "sitrep")
    results.measure("peak memory of the process", "MiB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                    "sitrep, all four analysers loaded")
    results.note(seconds_per_rate=seconds)
    results.write()


if __name__ == "__main__":
    main()
