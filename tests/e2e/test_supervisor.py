"""`sitrep up` runs the four services as processes and stops them all cleanly on SIGTERM."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port_block(size: int) -> int:
    """The first of `size` consecutive free ports, below the kernel's ephemeral range: a port there
    that is free now can be taken by any process's outgoing connection before `sitrep up` binds it."""
    low = 20000
    high = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    for _ in range(50):
        base = random.randrange(low, high - size)
        if all(_free(base + i) for i in range(size)):
            return base
    raise RuntimeError("no block of free ports")


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def start_up(settings, base: int, **extra: str) -> subprocess.Popen:
    """`sitrep up` on this test's database and topics, its ports from `base`, JSON logs on stdout."""
    env = {
        **os.environ,
        "SITREP_DATABASE_URL": settings.database_url,
        "SITREP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "SITREP_TOPIC_PREFIX": settings.topic_prefix,
        "SITREP_METRICS_PORT_BASE": str(base),
        "SITREP_API_PORT": str(base + 3),
        "SITREP_LOG_FORMAT": "json",
        **extra,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "services.cli", "up"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )


def test_up_runs_every_service_and_stops_them_on_sigterm(settings):
    base = free_port_block(4)
    proc = start_up(settings, base)
    try:
        urls = [f"http://127.0.0.1:{base + i}/readyz" for i in range(4)]
        deadline = time.monotonic() + 120
        ready: set[str] = set()
        while time.monotonic() < deadline and len(ready) < 4:
            for url in urls:
                try:
                    if httpx.get(url, timeout=1).status_code == 200:
                        ready.add(url)
                except httpx.HTTPError:
                    pass
            time.sleep(0.5)
        assert ready == set(urls), f"not ready: {set(urls) - ready}"

        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=40)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, output
    assert "all services stopped" in output
    for service in ("ingest", "dedupe", "alerts"):
        assert f'"service": "{service}", "event": "service_stopped"' in output, output
    assert "restarting" not in output
    assert all(_free(base + i) for i in range(4)), "a service still holds its port"
