"""Concurrency limits: a few requests per host at a time, and a global ceiling."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostLimiter:
    def __init__(self, per_host: int = 2, total: int = 20) -> None:
        self.per_host = per_host
        self._total = asyncio.Semaphore(total)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        host = host.lower()
        semaphore = self._hosts.setdefault(host, asyncio.Semaphore(self.per_host))
        self._users[host] = self._users.get(host, 0) + 1
        try:
            async with semaphore, self._total:
                yield
        finally:
            self._users[host] -= 1
            if not self._users[host]:  # forget idle hosts so the map stays small
                del self._users[host], self._hosts[host]

    def active_hosts(self) -> int:
        return len(self._hosts)
