"""`make demo` ended by a signal other than Ctrl-C (a closed terminal, `timeout`, a process
manager's SIGTERM) stops the `sitrep up` it started, which runs in a session of its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import asyncpg
import psutil
import pytest
from sqlalchemy.engine import make_url

from tests.e2e.test_supervisor import _free, free_port_block
from tools.processes import REPO


def _services_of(demo: psutil.Process) -> list[psutil.Process]:
    return [child for child in demo.children(recursive=True) if "up" in child.cmdline()]


async def _drop_demo_database(database_url: str) -> None:
    """The demo's database, named from the test's own (tools.demo.runner.demo_env)."""
    url = make_url(database_url)
    url = url.set(database=f"{url.database}_demo")
    admin = await asyncpg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                                  database="postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
async def test_a_signal_to_the_demo_stops_its_services(settings, tmp_path, signum):
    base = free_port_block(4)
    env = {**os.environ, "SITREP_DATABASE_URL": settings.database_url, "SITREP_METRICS_PORT_BASE": str(base),
           "SITREP_API_PORT": str(base + 3), "SITREP_DEMO_LOG": str(tmp_path / "services.log")}
    demo = subprocess.Popen([sys.executable, "-m", "tools.demo"], env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    services: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 120
        for line in demo.stderr:
            services = services or _services_of(psutil.Process(demo.pid))
            if "services ready" in line or time.monotonic() > deadline:
                break
        assert services, "the demo started no `sitrep up`"
        demo.send_signal(signum)
        demo.wait(60)
        gone, alive = psutil.wait_procs(services, timeout=10)
        assert alive == [], "services outlived the demo"
        assert demo.returncode == 0
        assert all(_free(base + i) for i in range(4)), "a service still holds its port"
    finally:
        if demo.poll() is None:
            demo.kill()
        for process in services:
            if process.is_running():
                process.kill()
        await _drop_demo_database(settings.database_url)
