"""Claims on real general-news feeds: what the extractor gets right on the general-news set
(`tests/data/feeds/general/`), on its development and held-out parts, beside the English quality
of the project's own cases. Quality, not speed: each figure is a share, with its counts.

    .venv/bin/python -m bench.claims_feeds
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.common import REPO, Results, arguments, main
from tools.claims_scoring import load_cases, score_cases
from tools.feed_entries import load_entries, score_entries

TARGETS = {"fully right": 0.90, "armed conflict on non-war entries": 0.03, "conflict recall": 0.90, "claimant right": 0.90}


async def run(args, results: Results) -> None:
    for part in ("development", "held-out"):
        started = time.perf_counter()
        score = score_entries(load_entries(part))
        seconds = time.perf_counter() - started
        figures = {
            "fully right": (score.precision, score.fully_right, score.found),
            "armed conflict on non-war entries": (score.off_topic_war_share, score.off_topic_war, score.off_topic),
            "conflict recall": (score.war_recall, score.war_found, score.war_expected),
            "claimant right": (score.claimant_accuracy, score.claimants_right, score.matched),
        }
        for name, (value, count, total) in figures.items():
            results.measure(f"{name}, {part}", "share", value, "ours",
                            {"count": count, "of": total, "target": TARGETS[name], "entries": len(score.results)})
        results.measure(f"entries read, {part}", "entries/s", len(score.results) / seconds, "ours")
        print(f"  {part}: {score.summary()}", flush=True)
    own = score_cases(case for path in sorted(Path(REPO, "tests/unit/claims/cases").glob("*.jsonl")) for case in load_cases(path))
    results.measure("own English cases, precision", "share", own.precision, "ours", {"found": own.found})
    results.measure("own English cases, recall", "share", own.recall, "ours", {"expected": own.expected})
    results.note(set="tests/data/feeds/general (README.md: split and figures)", targets=TARGETS)


if __name__ == "__main__":
    raise SystemExit(main("claims_feeds", "Claims on general feeds", run,
                          arguments("claims extracted from real general-news feeds, judged by hand").parse_args()))
