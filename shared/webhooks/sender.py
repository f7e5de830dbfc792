"""Sends one signed webhook: checks the address after DNS, never follows redirects, bounds the
connect and total time and how much of the answer it reads.

The address is checked before anything is sent (a refusal fails the message at once), and the
guarded transport connects only to addresses it has checked itself, so a name that resolves
differently the second time (DNS rebinding) cannot reach a private network either.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import httpcore
import httpx

from shared.http_headers import retry_after_seconds
from shared.netguard import (
    AddressPolicy,
    BlockedAddress,
    GuardedTransport,
    Resolver,
    resolve_and_check,
    system_resolver,
)
from shared.webhooks.signing import webhook_headers

USER_AGENT = "sitrep-webhooks/1"


@dataclass(frozen=True)
class AttemptResult:
    status_code: int | None
    latency_ms: float
    error: str | None = None
    retry_after: float | None = None
    refused: bool = False
    """The address was refused before any connection: nothing was sent."""


class WebhookSender:
    def __init__(
        self, *, connect_timeout: float = 5.0, total_timeout: float = 15.0, max_response_bytes: int = 65536,
        allow_private: bool = False, resolver: Resolver = system_resolver, max_connections: int = 100,
    ) -> None:
        self.total_timeout = total_timeout
        self.max_response_bytes = max_response_bytes
        self.allow_private = allow_private
        self.resolver = resolver
        limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=20)
        self.client = httpx.AsyncClient(
            transport=GuardedTransport(AddressPolicy(allow_private=allow_private), resolver=resolver, limits=limits),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(total_timeout, connect=connect_timeout),
            headers={"user-agent": USER_AGENT},
        )

    async def close(self) -> None:
        await self.client.aclose()

    async def send(self, url: str, message_id: str, body: bytes, secrets: Sequence[str],
                   timestamp: int | None = None) -> AttemptResult:
        started = time.perf_counter()

        def elapsed() -> float:
            return round((time.perf_counter() - started) * 1000, 3)

        try:
            await resolve_and_check(url, self.allow_private, resolver=self.resolver)
        except BlockedAddress as exc:
            return AttemptResult(None, elapsed(), str(exc), refused=True)
        except httpcore.ConnectError as exc:  # the name does not resolve now: try again later
            return AttemptResult(None, elapsed(), str(exc))
        headers = webhook_headers(secrets, message_id, timestamp or int(time.time()), body)
        try:
            async with asyncio.timeout(self.total_timeout):
                async with self.client.stream("POST", url, content=body, headers=headers) as response:
                    await self._read_capped(response)
        except BlockedAddress as exc:
            return AttemptResult(None, elapsed(), str(exc), refused=True)
        except TimeoutError:
            return AttemptResult(None, elapsed(), f"timed out after {self.total_timeout:g}s")
        except httpx.TimeoutException as exc:
            return AttemptResult(None, elapsed(), f"timed out: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return AttemptResult(None, elapsed(), f"{type(exc).__name__}: {exc}"[:500])
        error = None
        if 300 <= response.status_code < 400:
            error = f"redirect to {response.headers.get('location', '?')!r} not followed"
        elif not 200 <= response.status_code < 300:
            error = f"HTTP {response.status_code}"
        retry_after = retry_after_seconds(response.headers.get("retry-after"))
        return AttemptResult(response.status_code, elapsed(), error, retry_after)

    async def _read_capped(self, response: httpx.Response) -> bytes:
        """Read at most the cap, then stop: a huge answer costs us nothing more."""
        read = bytearray()
        async for chunk in response.aiter_raw():
            read += chunk[: self.max_response_bytes - len(read)]
            if len(read) >= self.max_response_bytes:
                break
        return bytes(read)
