"""deploy/prometheus: both configurations and the rules pass promtool, and every alert is unit-tested."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.support.observability import catalogue, dashboard_constant, rules, series_names
from tests.support.prometheus import COMPOSE_CONFIG, LOCAL_CONFIG, RULES, RULES_TEST, promtool


@pytest.mark.parametrize("config", [LOCAL_CONFIG, COMPOSE_CONFIG], ids=lambda p: p.name)
def test_prometheus_configuration_is_valid(config):
    result = promtool("check", "config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr


def test_local_and_compose_configurations_scrape_the_same_jobs_with_the_same_rules():
    local, compose = (yaml.safe_load(p.read_text()) for p in (LOCAL_CONFIG, COMPOSE_CONFIG))
    assert [j["job_name"] for j in local["scrape_configs"]] == [j["job_name"] for j in compose["scrape_configs"]]
    assert local["rule_files"] == compose["rule_files"] == ["rules.yml"]


def test_rules_are_valid():
    result = promtool("check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_unit_tests_pass():
    result = promtool("test", "rules", str(RULES_TEST))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_is_shown_to_fire_in_the_unit_tests():
    tested = yaml.safe_load(RULES_TEST.read_text())["tests"]
    firing = {case["alertname"] for test in tested for case in test.get("alert_rule_test", []) if case["exp_alerts"]}
    quiet = {case["alertname"] for test in tested for case in test.get("alert_rule_test", []) if not case["exp_alerts"]}
    alerts = {rule["alert"] for rule in rules("alert")}
    assert alerts - firing == set(), "alerts never shown to fire"
    assert alerts - quiet == set(), "alerts never shown to stay quiet"


def test_rules_read_only_metrics_the_dashboards_catalogue_names():
    known = set(catalogue())
    for rule in rules("record") + rules("alert"):
        raw = {name for name in series_names(rule["expr"]) if ":" not in name}
        assert raw <= known, f"{rule.get('record') or rule.get('alert')} reads {raw - known}, not in metrics.py"


def test_alerts_read_recorded_series_not_raw_metrics():
    """So that a renamed metric is one change in a recording rule."""
    for rule in rules("alert"):
        raw = {name for name in series_names(rule["expr"]) if ":" not in name}
        assert raw == set(), f"{rule['alert']} reads {raw} directly"


def test_fetch_success_outcomes_match_the_dashboards():
    fetch_rules = [line for line in RULES.read_text().splitlines() if "sitrep_ingest_fetches_total" in line]
    matchers = {m for line in fetch_rules for m in re.findall(r'outcome[!=]~"([^"]+)"', line)}
    assert matchers == {dashboard_constant("FETCH_OK")}
