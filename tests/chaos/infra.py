"""A PostgreSQL and a Kafka broker of the chaos run's own (other ports, other state directory),
started, stopped and started again with the local stack's scripts, so the shared stack is never
disturbed."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tools.processes import REPO

SCRIPTS = REPO / "deploy" / "local"


@dataclass(frozen=True)
class OwnStack:
    state_dir: Path
    pg_port: int = 15432
    kafka_port: int = 19092
    controller_port: int = 19093

    @classmethod
    def from_env(cls) -> OwnStack:
        return cls(
            Path(os.environ.get("SITREP_CHAOS_STATE_DIR", "/tmp/sitrep-chaos/state")),
            int(os.environ.get("SITREP_CHAOS_PG_PORT", 15432)),
            int(os.environ.get("SITREP_CHAOS_KAFKA_PORT", 19092)),
            int(os.environ.get("SITREP_CHAOS_KAFKA_CONTROLLER_PORT", 19093)),
        )

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://sitrep:sitrep@127.0.0.1:{self.pg_port}/sitrep"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.kafka_port}"

    def _script(self, component: str, action: str) -> None:
        env = {**os.environ, "SITREP_STATE_DIR": str(self.state_dir), "SITREP_PG_PORT": str(self.pg_port),
               "SITREP_KAFKA_PORT": str(self.kafka_port), "SITREP_KAFKA_CONTROLLER_PORT": str(self.controller_port)}
        done = subprocess.run([str(SCRIPTS / f"{component}.sh"), action], env=env, capture_output=True, text=True,
                              timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{component}.sh {action} failed: {done.stdout[-1500:]}{done.stderr[-1500:]}")
        if action == "down" and "not started here" in done.stdout:
            raise RuntimeError(f"refusing to treat the {component} on its port as ours: {done.stdout}")

    def up(self) -> None:
        self._script("postgres", "up")
        self._script("kafka", "up")

    def stop(self, component: str) -> None:
        self._script(component, "down")

    def start(self, component: str) -> None:
        self._script(component, "up")
