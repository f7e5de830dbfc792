"""sitrep services as separate processes (`sitrep run <service>`), as an operator runs them.

Each gets the environment it is given, a metrics/health port of its own and a log file; `ready()`
waits for every `/readyz`; `peak_rss_mib()` reads each process's high-water mark (VmHWM), which
the kernel keeps exactly, so no sampling can miss a peak.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.common import REPO
from bench.support.processes import vm_hwm_mib

SITREP = REPO / ".venv" / "bin" / "sitrep"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    name: str
    process: subprocess.Popen
    port: int
    log: Path

    def peak_rss_mib(self) -> float:
        return vm_hwm_mib(self.process.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU the process has used so far."""
        import psutil

        times = psutil.Process(self.process.pid).cpu_times()
        return times.user + times.system

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class Services:
    """Start `names` with `env`; stop them with SIGTERM (SIGKILL after `grace` seconds)."""

    def __init__(self, names: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.names = names
        self.env = env
        self.log_dir = log_dir
        self.running: list[Service] = []

    def start(self) -> Services:
        for name in self.names:
            port = free_port()
            log = self.log_dir / f"{name}.log"
            with open(log, "wb") as out:
                process = subprocess.Popen(
                    [str(SITREP), "run", name], env={**os.environ, **self.env, "SITREP_METRICS_PORT": str(port)},
                    cwd=REPO, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                )
            self.running.append(Service(name, process, port, log))
        return self

    async def ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(self.running)
        async with httpx.AsyncClient(timeout=1) as client:
            while waiting:
                for service in list(waiting):
                    if service.process.poll() is not None:
                        raise RuntimeError(f"{service.name} exited with {service.process.returncode}:\n"
                                           f"{service.log_tail()}")
                    try:
                        if (await client.get(f"http://127.0.0.1:{service.port}/readyz")).status_code == 200:
                            waiting.remove(service)
                    except httpx.HTTPError:
                        pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"not ready after {timeout:.0f}s: {[s.name for s in waiting]}")
                await asyncio.sleep(0.2)

    def check_alive(self) -> None:
        for service in self.running:
            if service.process.poll() is not None:
                raise RuntimeError(f"{service.name} exited with {service.process.returncode}:\n{service.log_tail()}")

    def stop(self, grace: float = 30.0) -> None:
        for service in self.running:
            if service.process.poll() is None:
                service.process.send_signal(signal.SIGTERM)
        for service in self.running:
            try:
                service.process.wait(grace)
            except subprocess.TimeoutExpired:
                service.process.kill()
                service.process.wait()

    def __enter__(self) -> Services:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
