"""docker-compose.yml's three-broker profile: the layout of `SITREP_KAFKA_BROKERS=3 make stack`
(three KRaft combined nodes, three copies of every topic, two in sync), and one broker without it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
CLUSTER_ENV = REPO / "deploy" / "compose" / "kafka-cluster.env"
NODES = ("kafka", "kafka-2", "kafka-3")
SERVICES = ("ingest", "dedupe", "alerts", "api")


def config(*options: str) -> dict:
    if not shutil.which("docker-compose"):
        pytest.skip("Debian's docker-compose is not installed (make ensure-tools installs it)")
    done = subprocess.run(["docker-compose", "-f", str(REPO / "docker-compose.yml"), *options, "config"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(done.stdout)


def profiles() -> list[str]:
    line = next(line for line in CLUSTER_ENV.read_text().splitlines() if line.startswith("COMPOSE_PROFILES="))
    return line.split("=", 1)[1].split(",")


def test_the_cluster_profile_runs_three_nodes_of_one_quorum():
    services = config("--env-file", str(CLUSTER_ENV))["services"]
    version = re.search(r"<kafka\.version>([^<]+)</kafka\.version>",
                        (REPO / "deploy" / "local" / "kafka" / "pom.xml").read_text()).group(1)
    assert profiles() == ["cluster"]
    envs = [services[name]["environment"] for name in NODES]
    assert [services[name]["image"] for name in NODES] == [f"apache/kafka:{version}"] * 3
    assert [str(env["KAFKA_NODE_ID"]) for env in envs] == ["1", "2", "3"]
    assert {env["KAFKA_CONTROLLER_QUORUM_VOTERS"] for env in envs} == {"1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093"}
    for name, env in zip(NODES, envs, strict=True):
        assert f"INTERNAL://{name}:29092" in env["KAFKA_ADVERTISED_LISTENERS"]
        assert name in " ".join(services[name]["healthcheck"]["test"])
        assert str(env["KAFKA_DEFAULT_REPLICATION_FACTOR"]) == str(env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]) == "3"
        assert str(env["KAFKA_MIN_INSYNC_REPLICAS"]) == str(env["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"]) == "2"
    assert services["kafka-2"]["profiles"] == services["kafka-3"]["profiles"] == ["cluster"]
    host_ports = {p if isinstance(p, str) else p["published"] for name in NODES for p in services[name]["ports"]}
    assert len(host_ports) == 3
    for name in SERVICES:
        assert services[name]["environment"]["SITREP_KAFKA_BOOTSTRAP"] == "kafka:29092,kafka-2:29092,kafka-3:29092"


def test_without_it_one_broker_replicates_nothing():
    services = config()["services"]
    env = services["kafka"]["environment"]
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == "1@kafka:9093"
    assert str(env["KAFKA_DEFAULT_REPLICATION_FACTOR"]) == str(env["KAFKA_MIN_INSYNC_REPLICAS"]) == "1"
    assert "profiles" not in services["kafka"]
    assert all(services[name]["environment"]["SITREP_KAFKA_BOOTSTRAP"] == "kafka:29092" for name in SERVICES)
