"""Score extracted claims against expected ones (the format of `claims-dev.jsonl`).

A claim is right when kind, category, subject and count are right. In the expected
claims a list in `category`, `claimant` or `side` means any of them; `count`
`{"approx": true}` accepts any interval marked approximate; a missing or null field is
not judged. A claimant is right when it names the same speaker or its canonical actor
("Azerbaijan's Defence Ministry" and "Azerbaijan").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from shared.claims.extract import extract_claims
from shared.claims.lexicon import load
from shared.claims.registry import party_of
from shared.claims.tokens import tokenize

_DROP = frozenset({"the", "a", "an", "'s", "its"})


@dataclass
class CaseResult:
    case_id: str
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    """Matched claims whose other judged fields (claimant, side, ...) are wrong."""

    @property
    def passed(self) -> bool:
        return not (self.missed or self.spurious or self.wrong)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    claimants_judged: int = 0
    claimants_right: int = 0
    sides_judged: int = 0
    sides_right: int = 0
    parties_judged: int = 0
    """Matched claims whose expected case names the claimant's party (`party`, null included)."""
    parties_right: int = 0
    historical_alerting: int = 0
    """Claims expected to be historical that came out as news."""
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def found(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def expected(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def side_accuracy(self) -> float:
        return self.sides_right / self.sides_judged if self.sides_judged else 1.0

    @property
    def party_accuracy(self) -> float:
        return self.parties_right / self.parties_judged if self.parties_judged else 1.0

    @property
    def claimant_accuracy(self) -> float:
        return self.claimants_right / self.claimants_judged if self.claimants_judged else 1.0

    def summary(self) -> str:
        return (
            f"precision {self.precision:.3f} recall {self.recall:.3f} claimant {self.claimant_accuracy:.3f} "
            f"({self.true_positives} right, {self.false_positives} spurious, {self.false_negatives} missed; "
            f"{sum(c.passed for c in self.cases)}/{len(self.cases)} cases pass; historical alerting {self.historical_alerting})"
        )


def load_cases(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def extract_for(case: Mapping[str, Any]) -> list[dict]:
    published = date.fromisoformat(case["published"]) if case.get("published") else None
    claims = extract_claims(case["text"], published, case.get("claimant"), case.get("lang"))
    return [_with_party(claim.to_json()) for claim in claims]


def _with_party(claim: dict) -> dict:
    """The claimant's party, as the claim carries it or as the registry resolves its claimant."""
    if claim.get("claimant_party") is None:
        claim["claimant_party"] = party_of(claim.get("claimant"))
    return claim


def score_cases(cases: Iterable[Mapping[str, Any]]) -> Score:
    score = Score()
    for case in cases:
        result = score_case(case, extract_for(case))
        score.cases.append(result)
        score.true_positives += len(result.matched)
        score.false_positives += len(result.spurious)
        score.false_negatives += len(result.missed)
        for expected, got in result.matched:
            if expected.get("claimant") is not None:
                score.claimants_judged += 1
                score.claimants_right += claimant_matches(expected["claimant"], got["claimant"])
            if expected.get("side") is not None:
                score.sides_judged += 1
                score.sides_right += _actor_matches(expected["side"], got["side"])
            if "party" in expected:
                score.parties_judged += 1
                score.parties_right += expected["party"] == got.get("claimant_party")
            if expected.get("historical") and not got["historical"]:
                score.historical_alerting += 1
    return score


def score_case(case: Mapping[str, Any], extracted: list[dict]) -> CaseResult:
    """Pair expected and extracted claims: first the pairs right in every judged field,
    then the pairs right in kind, category, subject and count."""
    result = CaseResult(str(case.get("id", "")))
    remaining = list(extracted)
    pending = list(case["expected"])
    pairs: list[tuple[dict, dict]] = []
    for perfect in (True, False):
        for expected in list(pending):
            candidates = [got for got in remaining if core_matches(expected, got) and (not perfect or not _other_faults(expected, got))]
            if candidates:
                remaining.remove(candidates[0])
                pending.remove(expected)
                pairs.append((expected, candidates[0]))
    for expected, got in pairs:
        result.matched.append((expected, got))
        result.wrong.extend(f"{name}: expected {expected.get(name)!r}, got {got.get(name)!r}" for name in _other_faults(expected, got))
    result.missed.extend(pending)
    result.spurious.extend(remaining)
    return result


def core_matches(expected: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    return (
        expected.get("kind") == got["kind"]
        and _any_of(expected.get("category"), got["category"])
        and _any_of(expected.get("subject"), got["subject"])
        and _count_matches(expected.get("count"), got["count"], got["approximate"])
    )


def _other_faults(expected: Mapping[str, Any], got: Mapping[str, Any]) -> list[str]:
    faults = []
    if expected.get("claimant") is not None and not claimant_matches(expected["claimant"], got["claimant"]):
        faults.append("claimant")
    if expected.get("side") is not None and not _actor_matches(expected["side"], got["side"]):
        faults.append("side")
    if expected.get("historical") is not None and bool(expected["historical"]) != got["historical"]:
        faults.append("historical")
    if expected.get("parties") is not None and _canonical_set(expected["parties"]) != _canonical_set(got["parties"]):
        faults.append("parties")
    if expected.get("approximate") is not None and bool(expected["approximate"]) != got["approximate"]:
        faults.append("approximate")
    return faults


def _any_of(expected: Any, got: Any) -> bool:
    if expected is None:
        return True
    options = expected if isinstance(expected, list) else [expected]
    return got in options


def _count_matches(expected: Any, got: Mapping[str, Any] | None, approximate: bool) -> bool:
    if expected is None:
        return True
    if expected.get("approx"):
        return approximate and got is not None
    return got is not None and got.get("min") == expected.get("min") and got.get("max") == expected.get("max")


def claimant_matches(expected: Any, got: str | None) -> bool:
    if got is None:
        return False
    options = expected if isinstance(expected, list) else [expected]
    return any(_same_speaker(option, got) for option in options)


def _same_speaker(expected: str, got: str) -> bool:
    want, have = _words(expected), _words(got)
    if want == have:
        return True
    actor = canonical_actor(expected)
    if actor is not None and actor == canonical_actor(got):
        return True
    return bool(want) and bool(have) and (set(want) <= set(have) or set(have) <= set(want)) and actor is None


def _actor_matches(expected: Any, got: str | None) -> bool:
    if got is None:
        return False
    options = expected if isinstance(expected, list) else [expected]
    return any(option == got or canonical_actor(option) == got for option in options)


def _canonical_set(names: Iterable[str]) -> set[str]:
    return {canonical_actor(name) or name for name in names}


def _words(text: str) -> list[str]:
    return [token.low for token in tokenize(text) if token.low not in _DROP and token.low.isalnum() or "-" in token.low]


def canonical_actor(name: str) -> str | None:
    """The country or armed group a speaker's name stands for, if any."""
    lex = load()
    words = [token.low for token in tokenize(name)]
    for i in range(len(words)):
        found = lex.actors.match(words, i) or lex.speakers.match(words, i)
        if found is not None:
            return found.value
    return None


def main(paths: list[str]) -> None:
    """Print the score of case files and what went wrong in each failing case."""
    cases = [case for path in paths for case in load_cases(Path(path))]
    score = score_cases(cases)
    by_id = {str(case.get("id", "")): case for case in cases}
    for result in score.cases:
        if result.passed:
            continue
        print(f"- {result.case_id}: {by_id[result.case_id]['text']}")
        for expected in result.missed:
            print(f"    missed   {json.dumps(expected)}")
        for got in result.spurious:
            print(f"    spurious {json.dumps({k: v for k, v in got.items() if k not in ('sentence', 'start', 'end')})}")
        for fault in result.wrong:
            print(f"    wrong    {fault}")
    print(score.summary())


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
