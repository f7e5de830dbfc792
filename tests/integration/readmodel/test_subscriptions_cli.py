"""`sitrep subscriptions …` against a real PostgreSQL and a local receiver."""

from __future__ import annotations

import json

import pytest
from standardwebhooks.webhooks import Webhook
from typer.testing import CliRunner

from services.cli import app
from shared.settings import get_settings
from tools.feed_server import FeedServer, Response


@pytest.fixture
def sitrep(database_url, monkeypatch):
    monkeypatch.setenv("SITREP_DATABASE_URL", database_url)
    monkeypatch.setenv("SITREP_ALLOW_PRIVATE_NETWORKS", "true")
    get_settings.cache_clear()
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, ["subscriptions", *args])
        assert result.exit_code == code, result.output
        return result.stdout

    yield run
    get_settings.cache_clear()


def test_add_list_ping_rotate_update_remove(sitrep):
    with FeedServer() as receiver:
        receiver.route("/hook", Response(200))
        created = json.loads(sitrep("add", receiver.url("/hook"), "--kinds", "casualty,ceasefire",
                                    "--subjects", "tank", "--min-count", "2", "--official-only"))
        assert created["secret"].startswith("whsec_")
        [listed] = [json.loads(line) for line in sitrep("list").splitlines()]
        assert listed["subscription_id"] == created["subscription_id"]
        assert listed["filters"]["kinds"] == ["casualty", "ceasefire"] and listed["filters"]["min_count"] == 2
        assert listed["filters"]["official_only"] is True and listed["filters"]["per_incident"] is False
        assert "whsec_" not in json.dumps(listed)

        ping = json.loads(sitrep("test", created["subscription_id"]))
        assert ping["status_code"] == 200
        [request] = receiver.requests_for("/hook")
        assert Webhook(created["secret"]).verify(request.body, request.headers)["type"] == "ping"

        rotated = json.loads(sitrep("rotate-secret", created["subscription_id"], "--overlap", "1h"))
        sitrep("test", created["subscription_id"])
        latest = receiver.requests_for("/hook")[-1]
        Webhook(created["secret"]).verify(latest.body, latest.headers)
        Webhook(rotated["secret"]).verify(latest.body, latest.headers)

        assert json.loads(sitrep("update", created["subscription_id"], "--subjects", "helicopter")) == {
            "filters": {**listed["filters"], "subjects": ["helicopter"]}}
        assert json.loads(sitrep("update", created["subscription_id"], "--per-incident"))["filters"]["per_incident"] is True
        sitrep("remove", created["subscription_id"])
        assert sitrep("list") == ""
        sitrep("remove", created["subscription_id"], code=1)


def test_refusals_are_clear(sitrep, monkeypatch):
    monkeypatch.setenv("SITREP_ALLOW_PRIVATE_NETWORKS", "false")
    get_settings.cache_clear()
    sitrep("add", "http://127.0.0.1:9/hook", code=1)
    sitrep("add", "https://example.org/hook", "--novelty", "", code=2)
    sitrep("redeliver", code=2)
    sitrep("redeliver", "no-such-delivery", code=1)
