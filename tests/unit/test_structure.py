"""The shape of the code: every service stands alone, `shared/` depends on no service, the claim
extractor is a library without I/O, and each process loads only what it runs."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SERVICES = sorted(p.name for p in (REPO / "services").iterdir() if (p / "__init__.py").exists())
COMPOSITION_ROOT = {"services/cli.py", "services/supervisor.py"}
"""The command line and the supervisor start the services: they alone may name them all."""


def _imports(path: Path) -> list[str]:
    """Every module a file imports, at the top or inside functions."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def _offending(folder: str, forbidden) -> list[str]:
    found = []
    for path in _modules(folder):
        relative = path.relative_to(REPO).as_posix()
        for name in _imports(path):
            if forbidden(relative, name):
                found.append(f"{relative} imports {name}")
    return sorted(set(found))


def _service_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "services" and parts[1] in SERVICES else None


def test_the_check_sees_the_services() -> None:
    assert {"ingest", "dedupe", "alerts", "api"} <= set(SERVICES)
    assert _service_of("services.dedupe.index.tables") == "dedupe"
    assert _service_of("shared.claims") is None


def test_no_service_imports_a_sibling() -> None:
    def sibling(relative: str, name: str) -> bool:
        if relative in COMPOSITION_ROOT:
            return False
        owner, imported = relative.split("/")[1], _service_of(name)
        return imported is not None and imported != owner

    assert _offending("services", sibling) == []


def test_shared_depends_on_no_service_and_no_tool() -> None:
    def upward(relative: str, name: str) -> bool:
        if relative == "shared/migrations/tables.py":
            return False  # names every table module by string, to compare them with the migrations
        return name.split(".")[0] in ("services", "tools", "tests", "bench")

    assert _offending("shared", upward) == []


def test_production_code_imports_no_test_or_tool_and_benchmarks_no_test() -> None:
    assert _offending("services", lambda _, name: name.split(".")[0] in ("tools", "tests", "bench")) == []
    assert _offending("bench", lambda _, name: name.split(".")[0] == "tests") == []
    assert _offending("tools", lambda _, name: name.split(".")[0] == "tests") == []


def _loaded_after(statement: str) -> list[str]:
    """The modules a fresh interpreter holds after running `statement`."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("service, entry", [
    ("ingest", "services.ingest.bootstrap"),
    ("dedupe", "services.dedupe.bootstrap"),
    ("alerts", "services.alerts.bootstrap"),
    ("api", "services.api.bootstrap"),
])
def test_a_service_process_loads_no_other_service(service: str, entry: str) -> None:
    loaded = _loaded_after(f"import {entry}")
    others = sorted(m for m in loaded if _service_of(m) not in (None, service))
    assert entry in loaded
    assert others == []


def test_the_claim_extractor_loads_no_database_broker_or_web_framework() -> None:
    loaded = _loaded_after(
        "from datetime import date\n"
        "from shared.claims.extract import extract_claims\n"
        "claims = extract_claims('Armenia said it shot down four Azerbaijani drones.', date(2020, 9, 28))\n"
        "assert claims and claims[0].subject == 'drone', claims"
    )
    heavy = {"sqlalchemy", "asyncpg", "aiokafka", "fastapi", "starlette", "httpx", "uvicorn", "prometheus_client"}
    assert "shared.claims.extract" in loaded
    assert sorted(m for m in loaded if m.split(".")[0] in heavy) == []
    assert sorted(m for m in loaded if m.split(".")[0] == "services") == []
