"""A PostgreSQL and a Kafka cluster of the chaos run's own (other ports, other state directory),
started, stopped and started again with the local stack's scripts, so the shared stack is never
disturbed. The cluster is one broker, or several (`brokers`) whose nodes can be killed, stopped
and started one at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path

from tools.processes import REPO

SCRIPTS = REPO / "deploy" / "local"


@dataclass(frozen=True)
class OwnStack:
    state_dir: Path
    pg_port: int = 15432
    kafka_port: int = 19092
    controller_port: int = 19093
    brokers: int = 1

    @classmethod
    def from_env(cls) -> OwnStack:
        return cls(
            Path(os.environ.get("SITREP_CHAOS_STATE_DIR", "/tmp/sitrep-chaos/state")),
            int(os.environ.get("SITREP_CHAOS_PG_PORT", 15432)),
            int(os.environ.get("SITREP_CHAOS_KAFKA_PORT", 19092)),
            int(os.environ.get("SITREP_CHAOS_KAFKA_CONTROLLER_PORT", 19093)),
        )

    def with_brokers(self, brokers: int) -> OwnStack:
        return replace(self, brokers=brokers)

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://sitrep:sitrep@127.0.0.1:{self.pg_port}/sitrep"

    @property
    def bootstrap(self) -> str:
        """Every broker, so a client that starts while one is down still finds the cluster."""
        return ",".join(f"127.0.0.1:{self.kafka_port + 2 * i}" for i in range(self.brokers))

    def _script(self, component: str, action: str, node: int | None = None, *, refuse_foreign: bool = True) -> None:
        env = {**os.environ, "SITREP_STATE_DIR": str(self.state_dir), "SITREP_PG_PORT": str(self.pg_port),
               "SITREP_KAFKA_PORT": str(self.kafka_port), "SITREP_KAFKA_CONTROLLER_PORT": str(self.controller_port),
               "SITREP_KAFKA_BROKERS": str(self.brokers)}
        env.pop("SITREP_KAFKA_NODE", None)
        if node is not None:
            env["SITREP_KAFKA_NODE"] = str(node)
        done = subprocess.run([str(SCRIPTS / f"{component}.sh"), action], env=env, capture_output=True, text=True,
                              timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{component}.sh {action} failed: {done.stdout[-1500:]}{done.stderr[-1500:]}")
        if refuse_foreign and action == "down" and "not started here" in done.stdout:
            raise RuntimeError(f"refusing to treat the {component} on its port as ours: {done.stdout}")

    def up(self) -> None:
        self._script("postgres", "up")
        self._script("kafka", "up")

    def stop(self, component: str) -> None:
        self._script(component, "down")

    def start(self, component: str) -> None:
        self._script(component, "up")

    def stop_kafka_started_here(self) -> None:
        """Stop this layout's brokers if they run; another layout on the same ports is left alone."""
        self._script("kafka", "down", refuse_foreign=False)

    def stop_broker(self, node: int) -> None:
        """A clean stop of one node (SIGTERM: the broker hands its partitions over first)."""
        self._script("kafka", "down", node)

    def start_broker(self, node: int) -> None:
        """Start a node that is down; returns once it answers and knows every broker."""
        self._script("kafka", "up", node)

    def kill_broker(self, node: int) -> None:
        """SIGKILL one node of the cluster: no controlled shutdown, whatever it was doing."""
        pid_file = self.state_dir / "kafka-cluster" / f"node-{node}" / "kafka.pid"
        pid = int(pid_file.read_text())
        if "kafka.Kafka" not in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
            raise RuntimeError(f"pid {pid} of {pid_file} is no broker of ours")
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
