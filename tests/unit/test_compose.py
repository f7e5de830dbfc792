"""docker-compose.yml parses with Debian's docker-compose and deploys the code that exists."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
KAFKA_POM = REPO / "deploy" / "local" / "kafka" / "pom.xml"
ONE_SHOT_COMMANDS = {"migrate": ["sitrep", "migrate"]}


def _compose_command() -> list[str]:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    pytest.skip("neither docker-compose nor the docker compose plugin is installed (make ensure-tools installs it)")


def _compose(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_compose_command(), "-f", str(COMPOSE_FILE), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def compose() -> dict:
    result = _compose("config")
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def _built_from_repo(service: dict) -> bool:
    build = service.get("build")
    if build is None:
        return False
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    return Path(context).resolve() == REPO and dockerfile == "Dockerfile"


def _service_packages() -> set[str]:
    return {p.parent.name for p in (REPO / "services").glob("*/__init__.py")}


def test_compose_config_is_valid() -> None:
    result = _compose("config", "-q")
    assert result.returncode == 0, result.stderr


def test_every_built_service_runs_an_existing_service_package(compose: dict) -> None:
    built = {name: svc for name, svc in compose["services"].items() if _built_from_repo(svc)}
    assert built, "no service is built from the repository's Dockerfile"
    packages = _service_packages()
    for name, svc in built.items():
        command = svc.get("command")
        if name in ONE_SHOT_COMMANDS:
            assert command == ONE_SHOT_COMMANDS[name]
            continue
        assert command == ["sitrep", "run", name], f"{name}: unexpected command {command}"
        assert name in packages, f"{name} is deployed but services/{name}/ does not exist"


def test_every_service_package_is_deployed(compose: dict) -> None:
    deployed = {name for name, svc in compose["services"].items() if _built_from_repo(svc)}
    assert _service_packages() <= deployed


def test_long_running_services_have_health_checks_on_readyz(compose: dict) -> None:
    for name in _service_packages():
        svc = compose["services"][name]
        env = svc["environment"]
        port = env.get("SITREP_API_PORT") if "SITREP_API_PORT" in env else env["SITREP_METRICS_PORT"]
        probe = " ".join(svc["healthcheck"]["test"])
        assert f":{port}/readyz" in probe, f"{name}: health check does not probe /readyz on {port}"


def test_services_wait_for_healthy_dependencies(compose: dict) -> None:
    for name in _service_packages():
        depends = compose["services"][name]["depends_on"]
        assert depends["kafka"]["condition"] == "service_healthy"
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    for name in ("kafka", "postgres"):
        assert compose["services"][name].get("healthcheck"), f"{name} has no health check"


def test_kafka_image_matches_the_local_stack_version(compose: dict) -> None:
    match = re.search(r"<kafka\.version>([^<]+)</kafka\.version>", KAFKA_POM.read_text())
    assert match, "kafka.version missing from deploy/local/kafka/pom.xml"
    assert compose["services"]["kafka"]["image"] == f"apache/kafka:{match.group(1)}"
