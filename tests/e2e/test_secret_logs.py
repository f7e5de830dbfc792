"""No secret reaches the logs: a full run of `sitrep up` (debug level) fetches a feed, alerts two
subscribers (one failing), serves API calls with good and bad keys; its whole output is scanned for
the subscription secrets, the API key and the database password. A command that cannot log in to
the database does not print the password it tried either."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import httpx

from services.api.keys import create_key
from shared.events.feeds import FeedSettings
from shared.readmodel.feeds.commands import register_feed
from tests.e2e.test_supervisor import free_port_block, start_up
from tests.e2e.test_walking_skeleton import seed_rss
from tests.support.services import wait_for
from tools.feed_server import FeedServer, Response
from tools.webhook_fixtures import database, subscribe


def forms_of(secret: str) -> list[str]:
    """The secret, and its part after the prefix (whsec_…, sk_…), which is what would leak in a hash input."""
    return [secret, secret.split("_", 1)[1]]


def stop(proc: subprocess.Popen) -> str:
    try:
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=40)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return output


def use_the_api(base: str, admin_key: str) -> None:
    admin = {"Authorization": f"Bearer {admin_key}"}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    assert httpx.get(f"{base}/v1/events", headers=admin, timeout=10).status_code == 200
    assert httpx.post(f"{base}/v1/feeds", headers=admin, json={"url": "ftp://x"}, timeout=10).status_code == 422
    assert httpx.get(f"{base}/v1/events", headers={"Authorization": f"Bearer {admin_key}x"}, timeout=10).status_code == 401
    assert httpx.get(f"{base}/v1/events?cursor=%FF", headers=admin, timeout=10).status_code == 400


async def test_a_full_run_logs_no_secret(settings):
    base = free_port_block(4)
    with FeedServer() as feeds, FeedServer() as receiver:
        feeds.route("/a.xml", Response(200, {"Content-Type": "application/rss+xml"}, seed_rss()))
        receiver.route("/hook", Response(204))
        receiver.route("/fail", Response(500, body="no"))
        async with database(settings.database_url) as db:
            _, secret = await subscribe(db, receiver.url("/hook"))
            _, failing_secret = await subscribe(db, receiver.url("/fail"))
            async with db.engine.begin() as conn:
                _, admin_key = await create_key(conn, "log scan", "admin")
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(url=feeds.url("/a.xml"), owner="Seed news"))

        proc = start_up(settings, base, SITREP_ALLOW_PRIVATE_NETWORKS="true", SITREP_LOG_LEVEL="DEBUG",
                        SITREP_INGEST_TICK_SECONDS="0.2", SITREP_WEBHOOK_RETRY_SCHEDULE="0,100ms")
        try:
            use_the_api(f"http://127.0.0.1:{base + 3}", admin_key)
            await wait_for("SELECT status FROM deliveries", lambda rows: {r.status for r in rows} >= {
                "delivered", "dead_lettered"}, settings.database_url, timeout=90)
        finally:
            output = stop(proc)
    assert receiver.requests_for("/hook") and receiver.requests_for("/fail")
    assert '"level": "debug"' in output and "webhook" in output, "the scan saw a real run's logs"
    password = settings.database_url.split("://", 1)[1].split("@", 1)[0]  # user:password
    for leaked in [*forms_of(secret), *forms_of(failing_secret), *forms_of(admin_key), password,
                   settings.database_url]:
        assert leaked not in output, f"a secret is in the logs: {leaked[:8]}…"


def test_a_refused_database_login_does_not_print_the_password(settings):
    password = f"pw-{uuid.uuid4().hex}"
    url = settings.database_url.replace(":sitrep@", f":{password}@", 1)
    assert password in url
    done = subprocess.run([sys.executable, "-m", "services.cli", "feeds", "list"], capture_output=True, text=True,
                          env={**os.environ, "SITREP_DATABASE_URL": url, "SITREP_LOG_LEVEL": "DEBUG"}, timeout=60)
    assert done.returncode != 0
    assert "password authentication failed" in done.stdout + done.stderr
    assert password not in done.stdout + done.stderr
