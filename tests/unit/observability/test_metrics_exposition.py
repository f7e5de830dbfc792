"""Each service's /metrics passes `promtool check metrics` (Prometheus naming conventions) and
exports every metric the dashboards and rules read."""

from __future__ import annotations

import importlib

import pytest
import httpx

from services.api.app import create_app
from shared.observability.health import Health, health_app
from shared.settings import Settings
from tests.support.observability import catalogue, module_in_tree
from tests.support.prometheus import promtool

SERVICES = ("ingest", "dedupe", "alerts")


@pytest.fixture(scope="module", autouse=True)
def service_code_loaded() -> None:
    """Import what each service runs, so its metrics are registered as in the service's process."""
    for service in SERVICES:
        importlib.import_module(f"services.{service}.bootstrap")
    for module in set(catalogue().values()):
        if module_in_tree(module):
            importlib.import_module(module)


async def scrape(app) -> str:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://service") as client:
        response = await client.get("/metrics")
    assert response.status_code == 200
    return response.text


async def pipeline_metrics() -> str:
    return await scrape(health_app(Health()))


async def api_metrics() -> str:
    return await scrape(create_app(Settings()))  # without its lifespan: /metrics needs no database


@pytest.mark.parametrize("exposition", [pipeline_metrics, api_metrics], ids=["pipeline services", "api"])
async def test_metrics_follow_prometheus_conventions(exposition):
    text = await exposition()
    assert "# TYPE sitrep_" in text
    result = promtool("check", "metrics", stdin=text)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_every_metric_the_dashboards_read_is_exported():
    exported = {line.split()[2] for line in (await pipeline_metrics()).splitlines() if line.startswith("# TYPE ")}
    present = {name for name, module in catalogue().items() if module_in_tree(module)}
    assert present - exported == set(), "defined by modules in this tree but not exported"
    pending = sorted({module for module in catalogue().values() if not module_in_tree(module)})
    if pending:
        pytest.xfail(f"metrics of modules not in this tree yet: {', '.join(pending)}")
