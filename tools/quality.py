"""Quality gates that ratchet: each labelled set's figures are recorded in
`tests/quality/figures.json`, and its test fails when a figure moves more than one case away from
the record, down (a regression) or up (an improvement whose record was not raised in the same
commit). One case is one unit of the figure's denominator: for a precision, one claim found; for a
recall, one claim expected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

FIGURES = Path(__file__).resolve().parents[1] / "tests" / "quality" / "figures.json"


@dataclass(frozen=True)
class Figure:
    value: float
    denominator: int
    """How many cases the figure is a share of; one of them is the margin."""

    @property
    def margin(self) -> float:
        return 1 / self.denominator if self.denominator else 0.0


def recorded(gate: str) -> dict[str, float]:
    figures = json.loads(FIGURES.read_text(encoding="utf-8"))
    if gate not in figures:
        raise KeyError(f"no figures recorded for {gate!r} in {FIGURES}")
    return figures[gate]


def drifts(gate: str, measured: dict[str, Figure]) -> list[str]:
    """What is wrong with `measured` against the record of `gate`; empty when it holds."""
    record = recorded(gate)
    problems = []
    for name, figure in measured.items():
        if name not in record:
            problems.append(f"{gate}: {name} = {figure.value:.4f} is not recorded")
            continue
        expected = record[name]
        if figure.value < expected - figure.margin - 1e-9:
            problems.append(f"{gate}: {name} fell to {figure.value:.4f} from the recorded {expected:.4f} "
                            f"(one case is {figure.margin:.4f})")
        elif figure.value > expected + figure.margin + 1e-9:
            problems.append(f"{gate}: {name} rose to {figure.value:.4f} from the recorded {expected:.4f}: "
                            f"raise its record in {FIGURES.name} in this commit")
    return problems


def assert_holds(gate: str, measured: dict[str, Figure]) -> None:
    problems = drifts(gate, measured)
    assert not problems, "\n".join(problems)
