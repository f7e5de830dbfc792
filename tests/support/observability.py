"""What the dashboards and rules query, read from the generated JSON and rules.yml, and which of
those metrics the code in this tree defines."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
GRAFANA_DIR = REPO / "deploy" / "grafana"
DASHBOARDS_DIR = GRAFANA_DIR / "dashboards"
RULES = REPO / "deploy" / "prometheus" / "rules.yml"

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
_HISTOGRAM_SERIES = ("_bucket", "_count", "_sum")


def _dashboard_metrics():
    """deploy/grafana/sitrep_dashboards/metrics.py, where every metric name the dashboards read is kept."""
    if str(GRAFANA_DIR) not in sys.path:
        sys.path.insert(0, str(GRAFANA_DIR))
    from sitrep_dashboards import metrics

    return metrics


def catalogue() -> dict[str, str]:
    """Metric name -> the module that defines it."""
    metrics = _dashboard_metrics()
    return {name: module for name, module in metrics.DEFINED_IN.items() if module != metrics.PROMETHEUS}


def dashboard_constant(name: str) -> str:
    return getattr(_dashboard_metrics(), name)


def module_in_tree(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@dataclass(frozen=True)
class Query:
    where: str  # "<dashboard> / <panel>" or "rule <name>"
    expr: str


def dashboards() -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text()) for path in sorted(DASHBOARDS_DIR.glob("*.json"))}


def panels(dashboard: dict) -> list[dict]:
    found = []
    for panel in dashboard.get("panels", []):
        found += [panel] if panel.get("type") != "row" else panel.get("panels", [])
    return found


def board_queries(name: str, board: dict) -> list[Query]:
    """The board's PromQL (the Prometheus panels' targets)."""
    return [Query(f"{name} / {panel['title']}", target["expr"]) for panel in panels(board)
            for target in panel.get("targets", []) if "expr" in target]


def sql_queries(name: str, board: dict) -> list[Query]:
    """The board's SQL: its panels' targets and its annotations' queries."""
    found = [Query(f"{name} / {panel['title']}", target["rawSql"]) for panel in panels(board)
             for target in panel.get("targets", []) if "rawSql" in target]
    return found + [Query(f"{name} / annotation {item['name']}", item["target"]["rawSql"])
                    for item in board.get("annotations", {}).get("list", []) if "rawSql" in item.get("target", {})]


def dashboard_queries() -> list[Query]:
    return [query for name, board in dashboards().items() for query in board_queries(name, board)]


def variables(dashboard: dict) -> list[dict]:
    return dashboard.get("templating", {}).get("list", [])


def prometheus_variables(dashboard: dict) -> list[dict]:
    """The variables Prometheus answers (`label_values(...)`); SQL boards' variables are PostgreSQL's."""
    return [variable for variable in variables(dashboard) if variable["datasource"]["type"] == "prometheus"]


def rules(kind: str) -> list[dict]:
    """`record` or `alert` rules of rules.yml."""
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if kind in rule]


def recording_rule_queries() -> list[Query]:
    return [Query(f"rule {rule['record']}", rule["expr"]) for rule in rules("record")]


def series_names(expr: str) -> set[str]:
    """Metric and recorded-series names an expression reads (`_bucket` etc. folded into the histogram)."""
    names = set()
    for token in _NAME.findall(_STRING.sub('""', expr)):
        if ":" in token:
            names.add(token)
        elif token.startswith("sitrep_"):
            base = next((token[: -len(s)] for s in _HISTOGRAM_SERIES if token.endswith(s)), token)
            names.add(base if base in catalogue() else token)
    return names


def raw_metrics(expr: str) -> set[str]:
    """The services' metrics behind an expression, following recorded series to their rules."""
    recorded = {}
    for rule in rules("record"):
        recorded.setdefault(rule["record"], []).append(rule["expr"])
    found: set[str] = set()
    for name in series_names(expr):
        if name in recorded:
            for rule_expr in recorded[name]:
                found |= raw_metrics(rule_expr)
        else:
            found.add(name)
    return found


def awaiting(expr: str) -> set[str]:
    """Modules that define metrics of this expression and are not in this tree yet."""
    defined_in = catalogue()
    modules = {defined_in[name] for name in raw_metrics(expr) if name in defined_in}
    return {module for module in modules if not module_in_tree(module)}
