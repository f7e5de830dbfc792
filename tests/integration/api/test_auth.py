"""API keys and scopes: who may read, who may write, and what a revoked key gets."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from services.api.keys import hash_secret, revoke_key
from services.api.settings import ApiSettings
from services.api.tables import api_keys
from services.cli import app as cli
from shared.settings import get_settings
from tests.support.api_app import asgi_client, running_app

FEED = {"url": "https://a.example/rss"}


def _assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return response.json()


async def test_reads_need_a_key_by_default(app):
    async with asgi_client(app) as anonymous:
        response = await anonymous.get("/v1/events")
    problem = _assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "API key" in problem["detail"]


@pytest.mark.parametrize("header", ["Bearer sk_not-a-key", "Basic dXNlcjpwYXNz", "Bearer", "sk_raw"])
async def test_unknown_or_malformed_credentials_are_refused(app, header):
    async with asgi_client(app, {"Authorization": header}) as client:
        _assert_problem(await client.get("/v1/stories"), 401)


async def test_a_read_key_reads_but_cannot_write(client, keys):
    assert (await client.get("/v1/feeds")).status_code == 200
    problem = _assert_problem(await client.post("/v1/feeds", json=FEED), 403)
    assert problem["type"] == "urn:sitrep:problem:forbidden"
    assert (await client.post("/v1/feeds", json=FEED, headers=keys.headers("admin"))).status_code == 201


async def test_a_revoked_key_is_refused(client, db, keys):
    assert (await client.get("/v1/events")).status_code == 200
    async with db.engine.begin() as conn:
        assert await revoke_key(conn, keys.read_id)
        assert not await revoke_key(conn, keys.read_id)  # once
    problem = _assert_problem(await client.get("/v1/events"), 401)
    assert "revoked" in problem["detail"]


async def test_anonymous_reads_when_configured_but_never_writes(database_url):
    settings = ApiSettings(anonymous_read=True, rate_limit_per_second=100, rate_limit_burst=100)
    async with running_app(database_url, settings) as app, asgi_client(app) as anonymous:
        assert (await anonymous.get("/v1/stories")).status_code == 200
        assert (await anonymous.get("/v1/events")).status_code == 200
        _assert_problem(await anonymous.post("/v1/feeds", json=FEED), 401)
        _assert_problem(await anonymous.delete("/v1/feeds/x"), 401)


async def test_health_and_metrics_need_no_key(app):
    async with asgi_client(app) as anonymous:
        assert (await anonymous.get("/healthz")).json() == {"status": "ok", "checks": {}}
        assert (await anonymous.get("/readyz")).json() == {"status": "ready", "checks": {"postgres": "ok"}}
        assert (await anonymous.get("/metrics")).status_code == 200


def test_keys_commands_create_list_and_revoke(database_url, monkeypatch):
    monkeypatch.setenv("SITREP_DATABASE_URL", database_url)
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        created = runner.invoke(cli, ["keys", "create", "--name", "desk", "--scope", "admin"])
        assert created.exit_code == 0, created.output
        secret = created.stdout.strip().splitlines()[-1]
        assert secret.startswith("sk_") and len(secret) > 40
        listed = runner.invoke(cli, ["keys", "list"])
        assert '"scope": "admin"' in listed.stdout and secret not in listed.stdout
        key_id = created.stderr.split("key id: ")[1].split()[0]
        assert runner.invoke(cli, ["keys", "revoke", key_id]).exit_code == 0
        assert runner.invoke(cli, ["keys", "revoke", key_id]).exit_code == 1
        assert runner.invoke(cli, ["keys", "create", "--name", "x", "--scope", "root"]).exit_code != 0
    finally:
        get_settings.cache_clear()
    stored = _stored_hashes(database_url)
    assert hash_secret(secret) in stored and secret not in stored


def _stored_hashes(database_url: str) -> list[str]:
    import asyncio

    from sqlalchemy.ext.asyncio import create_async_engine

    async def read() -> list[str]:
        engine = create_async_engine(database_url)
        try:
            async with engine.connect() as conn:
                return list((await conn.execute(select(api_keys.c.key_hash))).scalars())
        finally:
            await engine.dispose()

    return asyncio.run(read())
