"""sitrep as its own OS processes: one command run to completion, or a service (`sitrep run
<service>`) that can be started, killed with SIGKILL, started again and stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
SITREP = REPO / ".venv" / "bin" / "sitrep"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sitrep(args: list[str], env: dict[str, str], timeout: float = 120) -> str:
    """Run one `sitrep` command to completion; returns its standard output."""
    done = subprocess.run([str(SITREP), *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"sitrep {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


class ServiceProcess:
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.port = free_port()
        self.env = {**env, "SITREP_METRICS_PORT": str(self.port)}
        self.log_dir = log_dir
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        self.kills = 0

    def start(self) -> None:
        self.starts += 1
        log = open(self.log_dir / f"{self.name}.{self.starts}.log", "wb")  # noqa: SIM115 — the child owns it
        self.proc = subprocess.Popen([str(SITREP), "run", self.name], env=self.env, stdin=subprocess.DEVNULL,
                                     stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
        log.close()

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, whatever the service was doing."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self.kills += 1

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def crashed(self) -> str | None:
        """Why the process is gone, when it exited without being told to."""
        if self.proc is None or self.proc.poll() is None:
            return None
        lines = (self.log_dir / f"{self.name}.{self.starts}.log").read_text(errors="replace").splitlines()
        return f"{self.name} exited with {self.proc.returncode}: " + "\n".join(lines[-12:])

    def ready(self) -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/readyz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def wait_ready(self, timeout: float = 60) -> float:
        """Seconds until /readyz answers 200."""
        started = time.monotonic()
        while not self.ready():
            if reason := self.crashed():
                raise AssertionError(reason)
            if time.monotonic() - started > timeout:
                raise AssertionError(f"{self.name} not ready after {timeout}s")
            time.sleep(0.1)
        return time.monotonic() - started
