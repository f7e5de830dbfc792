"""Fixtures shared by every test layer.

Integration and end-to-end tests use the real PostgreSQL and Kafka of the local stack
(`make stack`). Each test gets a database of its own, copied from a template migrated once per
run, and a unique prefix for its topics and consumer groups.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest

from shared.settings import Settings

REPO = Path(__file__).resolve().parents[1]
ADMIN_DSN = os.environ.get("SITREP_TEST_ADMIN_DSN", "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep")
KAFKA = os.environ.get("SITREP_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


def shared_data_dir() -> Path:
    """The project's read-only test data, checked out beside the repository."""
    return Path(os.environ.get("SITREP_SHARED_DATA", REPO.parent / "shared" / "data")).resolve()


def _port_open(address: str) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1):
            return True
    except OSError:
        return False


def _dsn_for(database: str) -> str:
    return ADMIN_DSN.rsplit("/", 1)[0] + "/" + database


def _sqlalchemy_url(database: str) -> str:
    return _dsn_for(database).replace("postgresql://", "postgresql+asyncpg://", 1)


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(ADMIN_DSN)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _drop_database(name: str) -> None:
    """Drop a test database; FORCE can be refused for a moment while autovacuum works in it."""
    for attempt in range(10):
        try:
            await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except asyncpg.InsufficientPrivilegeError:
            await asyncio.sleep(0.5 * (attempt + 1))
    await _admin(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(scope="session")
def template_database() -> Iterator[str]:
    """A database migrated to the latest schema, copied for each test."""
    if not _port_open(ADMIN_DSN.split("@")[1].split("/")[0]):
        pytest.fail("PostgreSQL is not reachable: start the local stack with `make stack`")
    from shared.migrate import upgrade

    name = f"sitrep_tmpl_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    upgrade(_sqlalchemy_url(name))
    yield name
    asyncio.run(_drop_database(name))


@pytest.fixture
async def database_url(template_database: str) -> AsyncIterator[str]:
    name = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_database}"')
    yield _sqlalchemy_url(name)
    await _drop_database(name)


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    if not _port_open(KAFKA):
        pytest.fail(f"Kafka is not reachable at {KAFKA}: start the local stack with `make stack`")
    return KAFKA


@pytest.fixture
def settings(database_url: str, kafka_bootstrap: str) -> Settings:
    """Settings for one test: its own database, topics and consumer groups."""
    return Settings(
        database_url=database_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=f"t{uuid.uuid4().hex[:10]}.",
        allow_private_networks=True,
        database_pool_size=5,
    )
