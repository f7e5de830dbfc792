"""`make demo`: a fresh demo database, the services as `make up` runs them, the demo feeds served
and registered, a local receiver subscribed, and each alert printed as it arrives. Ctrl-C (or
SIGTERM, or a closed terminal) stops the services and the servers; PostgreSQL and Kafka keep running, and the demo database stays for
`sitrep status`, `sitrep claims list` and the API to read."""

from __future__ import annotations

import asyncio
import os
import queue
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import httpx
from sqlalchemy.engine import make_url

from tools.demo.corpus import DemoFeed, load
from tools.demo.printer import alert_line
from tools.demo.receiver import AlertReceiver
from tools.demo.schedule import Outage, ReleaseSchedule, taking_turns
from tools.demo.server import DemoServer
from tools.processes import REPO, SITREP

POLL_SECONDS = 5
FAILING_FEED = "mod-azerbaijan"


def demo_schedule(feeds: list[DemoFeed], span: float = 90.0) -> ReleaseSchedule:
    """Every item out within `span` seconds; the Azerbaijani ministry answers HTTP 500 for a
    third of it, from a sixth in."""
    outages = tuple(Outage(f.name, span / 6, span / 2) for f in feeds if f.name == FAILING_FEED)
    return taking_turns({f.name: len(f.items) for f in feeds}, span, outages)


def demo_env(base: dict[str, str]) -> dict[str, str]:
    """The environment of the demo's services: the demo database beside the usual one, topics of
    this run only (the services keep their offsets in the database), local URLs allowed."""
    from shared.settings import Settings

    url = make_url(Settings().database_url)
    name = url.database.removesuffix("_demo")  # already pointed at the demo, to look around
    demo_url = url.set(database=f"{name}_demo").render_as_string(hide_password=False)
    return {**base, "SITREP_DATABASE_URL": demo_url, "SITREP_TOPIC_PREFIX": f"demo{int(time.time())}.",
            "SITREP_ALLOW_PRIVATE_NETWORKS": "true"}


def recreate_database(database_url: str) -> None:
    import asyncpg

    url = make_url(database_url)

    async def go() -> None:
        admin = await asyncpg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                                      database="postgres")
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
            await admin.execute(f'CREATE DATABASE "{url.database}"')
        finally:
            await admin.close()

    asyncio.run(go())
    from shared.migrate import upgrade

    upgrade(database_url)


class Services:
    """`sitrep up` in its own session (Ctrl-C reaches the demo, which stops it with SIGTERM)."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen([str(SITREP), "up"], env=self.env, stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)

    def wait_ready(self, timeout: float = 120) -> None:
        from shared.settings import Settings

        settings = Settings(metrics_port_base=int(self.env.get("SITREP_METRICS_PORT_BASE", "9101")))
        ports = [settings.metrics_port_for(name) for name in ("ingest", "dedupe", "alerts")]
        deadline = time.monotonic() + timeout
        while not all(_ready(port) for port in ports):
            if self.proc is None or self.proc.poll() is not None or time.monotonic() > deadline:
                tail = self.log.read_text(errors="replace").splitlines()[-15:]
                raise RuntimeError("the services did not start:\n" + "\n".join(tail))
            time.sleep(0.3)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(40)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


def _ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


async def register(database_url: str, server: DemoServer, receiver: AlertReceiver) -> None:
    """Each demo feed as a source read every few seconds, and the receiver as a subscription."""
    from shared.db import create_engine
    from shared.events.feeds import FeedSettings
    from shared.events.subscriptions import SubscriptionSettings
    from shared.readmodel.feeds.commands import register_feed
    from shared.readmodel.projections import all_projections
    from shared.readmodel.subscriptions.commands import create_subscription
    from shared.settings import Settings
    from shared.unit_of_work import Database

    db = Database(create_engine(Settings(database_url=database_url), pool_size=2), all_projections())
    try:
        async with db.transaction() as uow:
            created = await create_subscription(uow, SubscriptionSettings(url=receiver.url, description="make demo"),
                                                allow_private=True)
        receiver.secret = created.secret
        for feed in server.feeds:
            source = feed.source
            async with db.transaction() as uow:
                await register_feed(uow, FeedSettings(
                    url=server.url(feed), title=feed.title, owner=source.owner, country=source.country,
                    language=source.language, official=source.official, min_interval_s=POLL_SECONDS,
                    max_interval_s=POLL_SECONDS))
    finally:
        await db.engine.dispose()


def print_alerts(receiver: AlertReceiver, out: TextIO, until: Callable[[list[str]], bool],
                 timeout: float | None = None, notes: queue.Queue[str] | None = None) -> list[str]:
    """Print each alert as it arrives (and each note, between them), until `until(lines)` holds
    or `timeout` seconds pass; returns the alert lines."""
    lines: list[str] = []
    deadline = None if timeout is None else time.monotonic() + timeout

    def print_notes() -> None:
        while notes is not None and not notes.empty():
            print(f"{time.strftime('%H:%M:%S')}  ({notes.get()})", file=out, flush=True)

    while not until(lines) and (deadline is None or time.monotonic() < deadline):
        print_notes()
        try:
            payload = receiver.alerts.get(timeout=0.5)
        except queue.Empty:
            continue
        print_notes()
        lines.append(alert_line(payload))
        print(lines[-1], file=out, flush=True)
    return lines


def _stop_on_signal(signum: int, frame) -> None:
    raise KeyboardInterrupt


def main(span: float = 90.0) -> None:
    """`sitrep up` runs in a session of its own, so a signal that ends the demo must end it too."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on_signal)
    started = time.monotonic()
    env = demo_env(dict(os.environ))
    say = lambda text: print(f"demo: {text}", file=sys.stderr, flush=True)  # noqa: E731
    say(f"fresh database {make_url(env['SITREP_DATABASE_URL']).database}")
    recreate_database(env["SITREP_DATABASE_URL"])
    feeds = load()
    schedule = demo_schedule(feeds, span)
    server, receiver = DemoServer(feeds, schedule).start(), AlertReceiver().start()
    log = Path(env.get("SITREP_DEMO_LOG", REPO / ".demo-services.log"))
    services = Services(env, log)
    try:
        services.start()
        say(f"starting ingest, dedupe, alerts and api (logs: {log.name})")
        services.wait_ready()
        asyncio.run(register(env["SITREP_DATABASE_URL"], server, receiver))
        server.begin()
        say(f"services ready after {time.monotonic() - started:.0f} s; {len(feeds)} sources on "
            f"{server.http.url('/')}, read every {POLL_SECONDS} s; alerts to {receiver.url}")
        say(f"{sum(len(f.items) for f in feeds)} items appear over {span:.0f} s; {FAILING_FEED} answers HTTP 500 "
            f"from +{span / 6:.0f} s to +{span / 2:.0f} s; Ctrl-C stops")
        print_alerts(receiver, sys.stdout, until=bool, notes=server.notes)
        say(f"first alert {time.monotonic() - started:.0f} s after the start")
        print_alerts(receiver, sys.stdout, until=lambda lines: False, notes=server.notes)
    except KeyboardInterrupt:
        pass
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # a second one must not cut the stop short
            signal.signal(signum, signal.SIG_IGN)
        say("stopping the services (PostgreSQL and Kafka keep running)")
        services.stop()
        server.stop()
        receiver.stop()
        say(f"to look around: export SITREP_DATABASE_URL={env['SITREP_DATABASE_URL']}")
