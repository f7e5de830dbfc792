"""sitrep services as separate processes (`sitrep run <service>`), as an operator runs them.

Each gets the environment it is given, a metrics/health port of its own and a log file (see
tests/support/processes.py); `ready()` waits for every `/readyz`; `peak_rss_mib()` reads a
process's high-water mark (VmHWM), which the kernel keeps exactly, so no sampling can miss a peak.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from bench.support.processes import vm_hwm_mib
from tools.processes import ServiceProcess


def peak_rss_mib(service: ServiceProcess) -> float:
    return vm_hwm_mib(service.proc.pid)


def cpu_seconds(service: ServiceProcess) -> float:
    """User + system CPU the process has used so far."""
    import psutil

    times = psutil.Process(service.proc.pid).cpu_times()
    return times.user + times.system


class Services:
    """Start `names` with `env` (over this process's environment); stop them with SIGTERM."""

    def __init__(self, names: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.running = [ServiceProcess(name, {**os.environ, **env}, log_dir) for name in names]

    def start(self) -> Services:
        for service in self.running:
            service.start()
        return self

    async def ready(self, timeout: float = 120.0) -> None:
        for service in self.running:
            await asyncio.to_thread(service.wait_ready, timeout)

    def check_alive(self) -> None:
        for service in self.running:
            if reason := service.crashed():
                raise RuntimeError(reason)

    def stop(self) -> None:
        for service in self.running:
            service.stop()

    def __enter__(self) -> Services:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
