"""One LISTEN on `sitrep_events` per process, waking whoever follows the log when it grows.

The event store sends `pg_notify` in each appending transaction, so a notification arrives after
the events it announces are committed. Subscribers (the API's live streams, the relays, the
webhook worker) re-read what they follow themselves; the notification only says "look again",
which is why a lost connection costs latency (until the subscriber's next poll), never events.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.store import NOTIFY_CHANNEL
from shared.logs import get_logger

log = get_logger(__name__)


class LogNotifier:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._subscribers: set[asyncio.Event] = set()
        self._conn: AsyncConnection | None = None
        self._driver = None
        self._lock = asyncio.Lock()

    @asynccontextmanager
    async def subscribe(
        self, wakeup: asyncio.Event | None = None, *, required: bool = True
    ) -> AsyncIterator[asyncio.Event]:
        """An event set on every notification; register before reading the backlog.

        Followers that also poll pass `required=False`: the database being away is then no error.
        """
        wakeup = wakeup or asyncio.Event()
        self._subscribers.add(wakeup)
        try:
            await (self.ensure_listening() if required else self.listen_if_possible())
            yield wakeup
        finally:
            self._subscribers.discard(wakeup)

    async def listen_if_possible(self) -> None:
        try:
            await self.ensure_listening()
        except Exception as exc:  # noqa: BLE001 — polling covers the gap until the database is back
            log.debug("event_listener_unavailable", error=repr(exc))

    async def ensure_listening(self) -> None:
        async with self._lock:
            if self._driver is not None and not self._driver.is_closed():
                return
            await self._drop()
            conn = await self.engine.connect()
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            await driver.add_listener(NOTIFY_CHANNEL, self._on_notify)
            driver.add_termination_listener(self._on_lost)
            self._conn, self._driver = conn, driver
            log.info("listening_for_events", channel=NOTIFY_CHANNEL)

    def _on_notify(self, _conn, _pid, _channel, _payload) -> None:
        for wakeup in self._subscribers:
            wakeup.set()

    def _on_lost(self, _conn) -> None:
        log.warning("event_listener_lost")
        self._driver = None
        self._on_notify(None, None, None, None)

    async def _drop(self) -> None:
        conn, self._conn, self._driver = self._conn, None, None
        if conn is not None:
            try:
                await conn.invalidate()
            except Exception:  # noqa: BLE001 — the connection is gone either way
                pass

    async def close(self) -> None:
        async with self._lock:
            if self._driver is not None and not self._driver.is_closed():
                self._driver.remove_termination_listener(self._on_lost)  # closing is no loss
                await self._driver.remove_listener(NOTIFY_CHANNEL, self._on_notify)
            if self._conn is not None:
                await self._conn.close()
            self._conn, self._driver = None, None
