"""Mutation testing of the pure cores (`make mutate`): mutmut changes one thing at a time in each
module (a comparison, a constant, a branch) and runs the unit tests that reach the changed
function; a mutant no test notices is a survivor. Each module runs in a scratch directory of its
own under `.cache/mutation/`, so one module's run never mixes with another's; the kill rate of
each module is printed and the survivors, with their diffs, are written to a report.

    python -m tools.mutation [NAME ...] [--workers N] [--target 0.9] [--report PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / ".cache" / "mutation"
LINKED = ("shared", "services", "tools", "tests")
"""What a module's tests import: linked into its scratch directory, copied by mutmut."""


@dataclass(frozen=True)
class Target:
    name: str
    source: str
    tests: tuple[str, ...]
    """The unit tests run to collect which test reaches which function; each mutant then runs
    only those that reach its function."""


INGEST = ("tests/unit/ingest",)
WEBHOOKS = ("tests/unit/webhooks",)
CLAIMS = ("tests/unit/claims",)
DEDUPE = ("tests/unit/dedupe",)

TARGETS = (
    Target("canonical_url", "services/ingest/normalise/canonical_url.py", INGEST),
    Target("dates", "services/ingest/parse/dates.py", INGEST),
    Target("signing", "shared/webhooks/signing.py", WEBHOOKS),
    Target("netguard", "shared/netguard.py", ("tests/unit/shared", "tests/unit/ingest/test_fetcher.py",
                                              "tests/unit/ingest/test_fetch_hostile.py")),
    Target("circuit", "shared/webhooks/circuit.py", WEBHOOKS),
    Target("webhook_schedule", "shared/webhooks/schedule.py", WEBHOOKS),
    Target("ingest_timing", "services/ingest/schedule/timing.py", INGEST),
    Target("claims_numbers", "shared/claims/numbers.py", CLAIMS),
    Target("claims_phrases", "shared/claims/phrases.py", CLAIMS),
    Target("claims_attribution", "shared/claims/attribution.py", CLAIMS),
    Target("claims_speakers", "shared/claims/speakers.py", CLAIMS),
    Target("claims_history", "shared/claims/history.py", CLAIMS),
    Target("novelty", "services/alerts/novelty.py", ("tests/unit/alerts",)),
    Target("dedupe_fingerprint", "services/dedupe/fingerprint.py", DEDUPE),
    Target("dedupe_distinguishers", "services/dedupe/distinguishers.py", DEDUPE),
    Target("dedupe_decision", "services/dedupe/decision.py", DEDUPE),
)

# mutmut's exit codes of a mutant's test run (mutmut/stats.py): a failing run, an internal error
# of pytest and a type-check refusal are kills; a run that had to be stopped for time is a kill
# too (the mutant made the code loop), counted apart.
KILLED = frozenset({1, 3, 37})
TIMEOUT = frozenset({36, 24, -24, 152, 255})
SURVIVED = 0
NO_TESTS = frozenset({5, 33})


@dataclass
class Outcome:
    target: Target
    counts: Counter = field(default_factory=Counter)
    survivors: list[str] = field(default_factory=list)
    """Mutants no test noticed, including those no test reached."""
    seconds: float = 0.0
    error: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def killed(self) -> int:
        return self.counts["killed"] + self.counts["timeout"]

    @property
    def kill_rate(self) -> float:
        return self.killed / self.total if self.total else 0.0


def classify(exit_code: int | None) -> str:
    if exit_code in KILLED:
        return "killed"
    if exit_code in TIMEOUT:
        return "timeout"
    if exit_code == SURVIVED:
        return "survived"
    if exit_code in NO_TESTS:
        return "no tests"
    return "not checked" if exit_code is None else "suspicious"


def outcome_of(target: Target, exit_code_by_mutant: dict[str, int | None]) -> Outcome:
    outcome = Outcome(target)
    for mutant, exit_code in sorted(exit_code_by_mutant.items(), key=lambda item: _natural(item[0])):
        status = classify(exit_code)
        outcome.counts[status] += 1
        if status not in ("killed", "timeout"):
            outcome.survivors.append(mutant)
    return outcome


def _natural(mutant: str) -> tuple[str, int]:
    function, _, number = mutant.rpartition("_")
    return function, int(number) if number.isdigit() else 0


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def mutmut_config(target: Target) -> str:
    """The scratch directory's pyproject.toml: mutmut's settings and the project's pytest ones."""
    pytest_options = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]["ini_options"]
    mutmut = {
        "source_paths": [target.source],
        "pytest_add_cli_args_test_selection": list(target.tests),
        "pytest_add_cli_args": ["-p", "no:cacheprovider"],
        "also_copy": [name for name in LINKED if name != "tests"],
    }
    lines = ["[tool.mutmut]"] + [f"{key} = {toml_value(value)}" for key, value in mutmut.items()]
    lines += ["", "[tool.pytest.ini_options]"] + [f"{key} = {toml_value(value)}" for key, value in pytest_options.items()]
    return "\n".join(lines) + "\n"


def shared_data_dir() -> Path:
    return Path(os.environ.get("SITREP_SHARED_DATA", REPO.parent / "shared" / "data")).resolve()


def prepare(target: Target) -> Path:
    """A fresh scratch directory: every run measures the code and tests as they are now."""
    directory = WORK / target.name
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    for name in LINKED:
        (directory / name).symlink_to(REPO / name, target_is_directory=True)
    (directory / "pyproject.toml").write_text(mutmut_config(target), encoding="utf-8")
    return directory


def _mutmut(directory: Path, *arguments: str, log: Path | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, SITREP_SHARED_DATA=str(shared_data_dir()))
    command = [str(Path(sys.executable).with_name("mutmut")), *arguments]
    if log is None:
        return subprocess.run(command, cwd=directory, env=environment, capture_output=True, text=True)
    with log.open("w", encoding="utf-8") as output:
        return subprocess.run(command, cwd=directory, env=environment, stdout=output, stderr=subprocess.STDOUT)


def run(target: Target, workers: int) -> Outcome:
    started = time.monotonic()
    directory = prepare(target)
    log = directory / "mutmut.log"
    finished = _mutmut(directory, "run", "--max-children", str(workers), log=log)
    meta = directory / "mutants" / f"{target.source}.meta"
    if not meta.exists():
        outcome = Outcome(target, error=f"mutmut run exited {finished.returncode}; see {log}")
    else:
        outcome = outcome_of(target, json.loads(meta.read_text("utf-8"))["exit_code_by_key"])
        if finished.returncode != 0:
            outcome.error = f"mutmut run exited {finished.returncode}; see {log}"
    outcome.seconds = time.monotonic() - started
    return outcome


def diff_of(target: Target, mutant: str) -> str:
    shown = _mutmut(WORK / target.name, "show", mutant)
    lines = shown.stdout.splitlines()
    return "\n".join(line for line in lines if not line.startswith("# ")).strip() or shown.stderr.strip()


def report(outcomes: list[Outcome], target_rate: float) -> str:
    lines = ["# Mutation testing: survivors", "",
             f"Kill rate per module (target {target_rate:.0%}); a timeout counts as a kill.", "",
             "| module | source | mutants | killed | survived | no tests | kill rate | seconds |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for o in outcomes:
        lines.append(f"| {o.target.name} | `{o.target.source}` | {o.total} | {o.killed} | {o.counts['survived']} | "
                     f"{o.counts['no tests']} | {o.kill_rate:.1%} | {o.seconds:.0f} |")
    for o in outcomes:
        if o.error:
            lines += ["", f"**{o.target.name}**: {o.error}"]
        if not o.survivors:
            continue
        lines += ["", f"## {o.target.name} (`{o.target.source}`)", ""]
        for mutant in o.survivors:
            lines += [f"### {mutant.rpartition('.')[2]}", "", "```diff", diff_of(o.target, mutant), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="modules to run (default: all): " + ", ".join(t.name for t in TARGETS))
    parser.add_argument("--workers", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--target", type=float, default=0.9, help="kill rate each module must reach")
    parser.add_argument("--report", type=Path, default=WORK / "survivors.md")
    args = parser.parse_args(argv)
    by_name = {target.name: target for target in TARGETS}
    unknown = [name for name in args.names if name not in by_name]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; known: {', '.join(by_name)}")
    targets = [by_name[name] for name in args.names] if args.names else list(TARGETS)

    started = time.monotonic()
    outcomes = []
    print(f"{'module':<24}{'mutants':>8}{'killed':>8}{'survived':>10}{'no tests':>10}{'rate':>8}{'s':>6}")
    for target in targets:
        outcome = run(target, args.workers)
        outcomes.append(outcome)
        print(f"{target.name:<24}{outcome.total:>8}{outcome.killed:>8}{outcome.counts['survived']:>10}"
              f"{outcome.counts['no tests']:>10}{outcome.kill_rate:>8.1%}{outcome.seconds:>6.0f}"
              + (f"  {outcome.error}" if outcome.error else ""), flush=True)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report(outcomes, args.target), encoding="utf-8")
    below = [o.target.name for o in outcomes if o.error or o.kill_rate < args.target]
    print(f"{len(outcomes)} modules in {time.monotonic() - started:.0f} s; survivors in {args.report}")
    if below:
        print(f"below the target of {args.target:.0%} (or failed): {', '.join(below)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
