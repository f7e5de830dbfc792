"""deploy/grafana: the committed dashboards are the generator's output, every panel queries the
provisioned Prometheus with metrics the catalogue names, and the provisioning paths match compose."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.support.observability import (
    GRAFANA_DIR,
    REPO,
    catalogue,
    dashboard_queries,
    dashboards,
    panels,
    prometheus_variables,
    rules,
    series_names,
    sql_queries,
    variables,
)

PROVISIONING = GRAFANA_DIR / "provisioning"


SQL_BOARDS = {"situation"}


def _datasource(name: str = "prometheus") -> dict:
    [datasource] = yaml.safe_load((PROVISIONING / "datasources" / f"{name}.yml").read_text())["datasources"]
    return datasource


def test_committed_dashboards_are_the_generators_output():
    result = subprocess.run([sys.executable, str(GRAFANA_DIR / "generate.py"), "--check"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_five_dashboards_exist_with_distinct_uids():
    boards = dashboards()
    assert set(boards) == {"overview", "feeds", "pipeline", "webhooks", "situation"}
    assert len({board["uid"] for board in boards.values()}) == len(boards)


def test_every_panel_queries_the_provisioned_prometheus():
    uid = _datasource()["uid"]
    for name, board in dashboards().items():
        if name in SQL_BOARDS:
            continue
        for panel in panels(board):
            assert panel["targets"], f"{name} / {panel['title']} has no query"
            assert panel["datasource"]["uid"] == uid
            for target in panel["targets"]:
                assert target["expr"].strip() and target["datasource"]["uid"] == uid
                assert target["refId"], f"{name} / {panel['title']}: a query without refId"


def test_no_panel_query_answers_without_data():
    """`vector(...)` or `absent(...)` would return a value whatever the services export."""
    for query in dashboard_queries():
        assert "vector(" not in query.expr and "absent(" not in query.expr, query


def test_panels_read_catalogued_metrics_and_recorded_series_that_exist():
    known = set(catalogue()) | {"up"}
    recorded = {rule["record"] for rule in rules("record")}
    for query in dashboard_queries():
        names = series_names(query.expr)
        assert {n for n in names if ":" not in n} <= known, query
        assert {n for n in names if ":" in n} <= recorded, query


def test_situation_panels_variable_and_annotations_query_the_provisioned_postgresql():
    source = _datasource("postgres")
    assert source["type"] == "grafana-postgresql-datasource" and source["url"] == "postgres:5432"
    assert source["jsonData"]["database"] == "sitrep"
    board = dashboards()["situation"]
    assert [panel["title"] for panel in panels(board)] == ["Claims per party per day", "Latest totals, side by side"]
    for panel in panels(board):
        assert panel["datasource"]["uid"] == source["uid"]
        [target] = panel["targets"]
        assert target["datasource"]["uid"] == source["uid"] and target["rawSql"].strip() and target["refId"]
    [annotation] = board["annotations"]["list"]
    assert annotation["datasource"]["uid"] == source["uid"] and "kind = 'ceasefire'" in annotation["target"]["rawSql"]
    [variable] = variables(board)
    assert variable["datasource"]["uid"] == source["uid"] and variable["multi"] is True  # quoted, escaped values
    for query in sql_queries("situation", board):
        assert "IN ($conflict)" in query.expr and "'$conflict'" not in query.expr, query


def test_variables_read_catalogued_metrics_and_match_everything_when_all():
    for name, board in dashboards().items():
        for variable in prometheus_variables(board):
            metric = variable["query"].removeprefix("label_values(").split(",")[0].strip()
            assert metric in catalogue(), f"{name}: variable {variable['name']} reads {metric}"
            assert variable["allValue"] == ".*"


def test_provisioning_paths_match_docker_compose():
    grafana = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]["grafana"]
    mounts = dict(volume.rsplit(":", 2)[:2] for volume in grafana["volumes"] if volume.startswith("./"))
    [provider] = yaml.safe_load((PROVISIONING / "dashboards" / "sitrep.yml").read_text())["providers"]
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    assert _datasource()["url"] == "http://prometheus:9090"


def test_compose_prometheus_loads_the_compose_configuration_and_its_rules():
    prometheus = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]["prometheus"]
    assert "./deploy/prometheus:/etc/prometheus:ro" in prometheus["volumes"]
    assert "--config.file=/etc/prometheus/prometheus-compose.yml" in prometheus["command"]
