"""Writes deploy/grafana/dashboards/*.json from the code in deploy/grafana/sitrep_dashboards.

    python deploy/grafana/generate.py          # regenerate
    python deploy/grafana/generate.py --check  # exit 1 if a committed dashboard differs
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "dashboards"
sys.path.insert(0, str(HERE))

from sitrep_dashboards import DASHBOARDS, render  # noqa: E402


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name in DASHBOARDS:
        path = OUTPUT / f"{name}.json"
        text = render(name)
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(path.name)
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(HERE.parent.parent)}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python deploy/grafana/generate.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
