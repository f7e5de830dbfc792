"""Debian's Prometheus tools for tests: promtool, and a Prometheus server of the test's own."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tools.processes import free_port

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO / "deploy" / "prometheus"
LOCAL_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
COMPOSE_CONFIG = PROMETHEUS_DIR / "prometheus-compose.yml"
RULES = PROMETHEUS_DIR / "rules.yml"
RULES_TEST = PROMETHEUS_DIR / "rules_test.yml"


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is not installed: it comes with Debian's prometheus package "
                    f"(`apt-get install prometheus`; `make stack` installs it)")
    return path


def promtool(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([require("promtool"), *args], input=stdin, capture_output=True, text=True, timeout=60,
                          cwd=PROMETHEUS_DIR)


def config_for(targets: dict[str, str], interval: str) -> dict[str, Any]:
    """The local stack's prometheus.yml with every job pointed at `targets` (job -> host:port)."""
    config = yaml.safe_load(LOCAL_CONFIG.read_text())
    jobs = {job["job_name"] for job in config["scrape_configs"]}
    assert jobs == set(targets), f"prometheus.yml scrapes {sorted(jobs)}; the test serves {sorted(targets)}"
    config["global"] = {"scrape_interval": interval, "evaluation_interval": interval}
    config["rule_files"] = [str(RULES)]
    for job in config["scrape_configs"]:
        job["static_configs"] = [{"targets": [targets[job["job_name"]]]}]
    return config


class PrometheusServer:
    """Debian's `prometheus` on a free port with a temporary data directory; stopped on exit."""

    def __init__(self, workdir: Path, port: int) -> None:
        self.workdir = workdir
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._process: subprocess.Popen[bytes] | None = None
        self._client: httpx.AsyncClient | None = None

    def start(self, config: dict[str, Any], timeout: float = 30) -> None:
        config_file = self.workdir / "prometheus.yml"
        config_file.write_text(yaml.safe_dump(config))
        log = (self.workdir / "prometheus.log").open("wb")
        self._process = subprocess.Popen(
            [require("prometheus"), f"--config.file={config_file}", f"--storage.tsdb.path={self.workdir / 'data'}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--storage.tsdb.retention.time=1h"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise AssertionError(f"prometheus exited: {self.log()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/-/ready", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"prometheus not ready after {timeout}s: {self.log()[-2000:]}")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def log(self) -> str:
        return (self.workdir / "prometheus.log").read_text(errors="replace")

    async def api(self, path: str, **params: Any) -> dict[str, Any]:
        """GET /api/v1/<path>; returns the whole answer, errors included."""
        if self._client is None:
            self._client = httpx.AsyncClient(base_url=self.url, timeout=10)
        return (await self._client.get(f"/api/v1/{path}", params=params)).json()

    async def close(self) -> None:
        """Stop the server and close the API client."""
        self.stop()
        if self._client is not None:
            await self._client.aclose()
