"""Fetch one feed politely and within limits.

Conditional GET, redirects followed here (each hop re-checked by the network
guard), a streamed body cut off past its size or time budget, and a typed
`FetchError` for everything that goes wrong, so the scheduler can tell a 304
from a timeout from a 429 with its Retry-After.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urljoin

import httpx

from services.ingest.fetch.decompress import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    BudgetedDecoder,
    DecompressionBomb,
    UnsupportedEncoding,
)
from services.ingest.fetch.politeness import HostLimiter
from shared.http_headers import cache_max_age, retry_after_seconds
from shared.netguard import (
    OPEN_INTERNET,
    AddressPolicy,
    BlockedAddress,
    GuardedTransport,
    Resolver,
    check_url,
    system_resolver,
)

MiB = 1 << 20
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"
)


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("sitrep")
    except PackageNotFoundError:
        v = "dev"
    return f"sitrep/{v} (+https://github.com/sitrep/sitrep)"


class FetchErrorKind(StrEnum):
    TIMEOUT = "timeout"
    SLOW_BODY = "slow_body"
    CONNECT = "connect"
    TLS = "tls"
    PROTOCOL = "protocol"
    HTTP_STATUS = "http_status"
    TOO_LARGE = "too_large"
    DECOMPRESSION_BOMB = "decompression_bomb"
    BAD_ENCODING = "bad_encoding"
    BLOCKED = "blocked"
    INVALID_URL = "invalid_url"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    BAD_REDIRECT = "bad_redirect"


class FetchError(Exception):
    def __init__(self, kind: FetchErrorKind, message: str, url: str, *,
                 status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(f"{kind.value}: {message}")
        self.kind = kind
        self.message = message
        self.url = url
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 10 * MiB
    max_ratio: float = 100.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    """Longest silence while reading."""
    body_timeout: float = 60.0
    """Longest time from the response headers to the end of the body."""
    total_timeout: float = 90.0
    max_redirects: int = 5


DEFAULT_LIMITS = FetchLimits()


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    body: bytes
    headers: dict[str, str]
    not_modified: bool
    permanent_url: str | None
    """Where a 301/308 chain says the feed now lives; None after a temporary hop."""
    etag: str | None
    last_modified: str | None
    retry_after: float | None
    max_age: float | None
    elapsed: float
    wire_bytes: int

    @property
    def size(self) -> int:
        return len(self.body)


class Fetcher:
    def __init__(
        self,
        *,
        policy: AddressPolicy = OPEN_INTERNET,
        limits: FetchLimits = DEFAULT_LIMITS,
        per_host: int = 2,
        total: int = 20,
        resolver: Resolver = system_resolver,
        transport: httpx.AsyncBaseTransport | None = None,
        verify_tls: bool = True,
    ) -> None:
        self.policy = policy
        self.limits = limits
        self.hosts = HostLimiter(per_host=per_host, total=total)
        timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout, pool=limits.total_timeout)
        self._client = httpx.AsyncClient(
            transport=transport or GuardedTransport(policy, resolver=resolver, verify=verify_tls),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    max_bytes: int | None = None) -> FetchResult:
        started = time.monotonic()
        limits = self.limits
        try:
            async with asyncio.timeout(limits.total_timeout):
                return await self._follow(url, etag, last_modified, max_bytes or limits.max_bytes, started)
        except TimeoutError:
            message = f"no complete answer within {limits.total_timeout}s"
            raise FetchError(FetchErrorKind.TIMEOUT, message, url) from None

    async def _follow(self, url: str, etag: str | None, last_modified: str | None,
                      max_bytes: int, started: float) -> FetchResult:
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current, permanent_url, still_permanent = url, None, True
        for _hop in range(self.limits.max_redirects + 1):
            try:
                _, host, _ = check_url(current, self.policy)
            except BlockedAddress as exc:
                raise FetchError(FetchErrorKind.BLOCKED, exc.reason, current) from None
            async with self.hosts.slot(host):
                status, headers, body, wire = await self._request(current, conditional, max_bytes)
            if status not in REDIRECTS:
                return self._result(url, current, status, headers, body, wire, permanent_url, started)
            location = headers.get("location")
            if not location:
                raise FetchError(FetchErrorKind.BAD_REDIRECT, f"{status} without Location", current, status=status)
            current = urljoin(current, location.strip())
            still_permanent = still_permanent and status in PERMANENT_REDIRECTS
            permanent_url = current if still_permanent else permanent_url
        raise FetchError(FetchErrorKind.TOO_MANY_REDIRECTS, f"more than {self.limits.max_redirects} redirects", url)

    async def _request(
        self, url: str, extra: dict[str, str], max_bytes: int
    ) -> tuple[int, dict[str, str], bytes, int]:
        try:
            async with self._client.stream("GET", url, headers=extra) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                if response.status_code in REDIRECTS or response.status_code == 304:
                    return response.status_code, headers, b"", 0
                decoder = BudgetedDecoder(headers.get("content-encoding", ""), max_bytes, self.limits.max_ratio)
                announced = headers.get("content-length", "")
                if announced.isdigit() and "content-encoding" not in headers and int(announced) > max_bytes:
                    raise BodyTooLarge(f"announced {announced} bytes, limit {max_bytes}")
                try:
                    async with asyncio.timeout(self.limits.body_timeout):
                        async for chunk in response.aiter_raw():
                            decoder.feed(chunk)
                except TimeoutError:
                    raise FetchError(FetchErrorKind.SLOW_BODY,
                                     f"body not received within {self.limits.body_timeout}s", url) from None
                return response.status_code, headers, decoder.body(), decoder.wire_bytes
        except BlockedAddress as exc:
            raise FetchError(FetchErrorKind.BLOCKED, exc.reason, url) from None
        except BodyTooLarge as exc:
            raise FetchError(FetchErrorKind.TOO_LARGE, str(exc), url) from None
        except DecompressionBomb as exc:
            raise FetchError(FetchErrorKind.DECOMPRESSION_BOMB, str(exc), url) from None
        except UnsupportedEncoding as exc:
            raise FetchError(FetchErrorKind.BAD_ENCODING, str(exc), url) from None
        except httpx.InvalidURL as exc:
            raise FetchError(FetchErrorKind.INVALID_URL, str(exc), url) from None
        except httpx.TimeoutException as exc:
            raise FetchError(FetchErrorKind.TIMEOUT, f"{type(exc).__name__}: {exc}", url) from None
        except httpx.ConnectError as exc:
            kind = FetchErrorKind.TLS if "SSL" in str(exc) or "certificate" in str(exc) else FetchErrorKind.CONNECT
            raise FetchError(kind, str(exc) or "connection failed", url) from None
        except httpx.TransportError as exc:
            raise FetchError(FetchErrorKind.PROTOCOL, f"{type(exc).__name__}: {exc}", url) from None

    def _result(self, url: str, final_url: str, status: int, headers: dict[str, str], body: bytes,
                wire: int, permanent_url: str | None, started: float) -> FetchResult:
        retry_after = retry_after_seconds(headers.get("retry-after"))
        if status != 304 and not 200 <= status < 300:
            raise FetchError(FetchErrorKind.HTTP_STATUS, f"HTTP {status}", final_url,
                             status=status, retry_after=retry_after)
        return FetchResult(
            url=url,
            final_url=final_url,
            status=status,
            body=body,
            headers=headers,
            not_modified=status == 304,
            permanent_url=permanent_url,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            retry_after=retry_after,
            max_age=cache_max_age(headers.get("cache-control")),
            elapsed=time.monotonic() - started,
            wire_bytes=wire,
        )
