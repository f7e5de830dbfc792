"""Ukraine's Ministry of Defence daily loss pages (tests/data/claims/tallies/ua-mod-en-2022.jsonl)
read as the alerts service reads an item (title, then body) with the ministry's name as claimant,
scored against the figures the ministry published: the share of each day's running totals found,
the side of the claims, and `basis` on every tally claim."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from shared.claims.extract import extract_claims

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims" / "tallies" / "ua-mod-en-2022.jsonl"
SIDE = "Russia"


@dataclass
class TallyScore:
    totals_expected: int = 0
    totals_found: int = 0
    increments_expected: int = 0
    increments_found: int = 0
    claims: int = 0
    sides_right: int = 0
    with_basis: int = 0
    """Of the claims read from the list (those with a count)."""
    listed: int = 0
    historical: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def totals_recall(self) -> float:
        return self.totals_found / self.totals_expected if self.totals_expected else 1.0

    @property
    def increments_recall(self) -> float:
        return self.increments_found / self.increments_expected if self.increments_expected else 1.0

    @property
    def side_accuracy(self) -> float:
        return self.sides_right / self.claims if self.claims else 1.0

    @property
    def basis_share(self) -> float:
        return self.with_basis / self.listed if self.listed else 1.0

    def summary(self) -> str:
        return (f"totals found {self.totals_recall:.3f} ({self.totals_found}/{self.totals_expected}), increments "
                f"{self.increments_recall:.3f}, side right {self.side_accuracy:.3f}, basis on {self.basis_share:.3f} "
                f"of {self.listed} counted claims, {self.claims} claims, historical {self.historical}")


def pages(path: Path = PAGES) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def read_page(page: dict) -> list:
    text = f"{page['title']}\n\n{page['text']}" if page.get("title") else page["text"]
    return extract_claims(text, date.fromisoformat(page["date"]), page["claimant"], "en")


def score_pages(found_pages: list[dict]) -> TallyScore:
    score = TallyScore()
    for page in found_pages:
        claims = read_page(page)
        totals = {(c.subject, c.count.min) for c in claims if c.basis == "total" and c.count is not None}
        increments = {(c.subject, c.count.min) for c in claims if c.basis == "increment" and c.count is not None}
        for subject, value in page["totals"].items():
            score.totals_expected += 1
            if (subject, value) in totals:
                score.totals_found += 1
            else:
                score.missed.append(f"{page['date']} total {subject} {value}")
        for subject, value in page.get("increments", {}).items():
            if value:
                score.increments_expected += 1
                score.increments_found += (subject, value) in increments
        for claim in claims:
            score.claims += 1
            score.sides_right += claim.side == SIDE
            if claim.count is not None:
                score.listed += 1
                score.with_basis += claim.basis is not None
            score.historical += claim.historical
    return score


if __name__ == "__main__":
    result = score_pages(pages())
    if "-v" in sys.argv:
        print("\n".join(result.missed))
    print(result.summary())
