"""Refuse outbound HTTP to addresses a remote party must not make us reach (SSRF).

A URL is checked twice: its syntax up front (scheme, odd numeric hosts), and the
addresses its host resolves to at connect time.  `GuardedTransport` resolves the
name once, checks every address and connects to exactly the address it
checked, so a second DNS answer cannot swap in a private address (rebinding).
Each redirect hop opens its own connection and so passes the same check.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")
_CANONICAL_OCTET = re.compile(r"^(0|[1-9][0-9]{0,2})$")


class BlockedAddress(ValueError):
    """The URL or one of the addresses its host resolves to is not allowed."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url!r}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class AddressPolicy:
    """What may be reached.

    `allow_private` opens private, loopback, link-local and unique-local ranges
    (an operator's own network, or tests on 127.0.0.1); `allowed_networks` opens
    only the listed ranges.  Cloud metadata, multicast, unspecified and reserved
    addresses stay closed either way.
    """

    allow_private: bool = False
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def allowing(cls, *networks: str) -> AddressPolicy:
        return cls(allowed_networks=tuple(ipaddress.ip_network(n) for n in networks))


OPEN_INTERNET = AddressPolicy()
"""Public addresses only: the default."""
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def blocked_reason(ip: IPAddress, policy: AddressPolicy = OPEN_INTERNET) -> str | None:
    """Why `ip` may not be reached, or None when it may."""
    inner = _embedded_ipv4(ip)
    if inner is not None:
        reason = blocked_reason(inner, policy)
        return f"embeds {inner}: {reason}" if reason else None
    if ip in METADATA_ADDRESSES:
        return "cloud metadata address"
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_multicast:
        return "multicast address"
    if ip.is_reserved and not ip.is_loopback:
        return "reserved address"
    if any(ip in net for net in policy.allowed_networks):
        return None
    for flag, name in (
        (ip.is_loopback, "loopback address"),
        (ip.is_link_local, "link-local address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip in ipaddress.ip_network("fc00::/7"), "unique-local address"),
        (ip.is_private, "private address"),
        (not ip.is_global, "non-global address"),
    ):
        if flag:
            return None if policy.allow_private else name
    return None


def check_ip(url: str, ip: IPAddress, policy: AddressPolicy) -> None:
    reason = blocked_reason(ip, policy)
    if reason:
        raise BlockedAddress(url, f"{ip}: {reason}")


def _refuse_numeric_host(url: str, host: str) -> None:
    """Refuse IPv4 written in decimal, octal, hex or short forms (2130706433, 0177.0.0.1)."""
    labels = host.split(".")
    if not all(_NUMERIC_LABEL.match(label) for label in labels):
        return
    canonical = len(labels) == 4 and all(
        _CANONICAL_OCTET.match(label) and int(label) <= 255 for label in labels
    )
    if not canonical:
        raise BlockedAddress(url, f"non-canonical numeric host {host!r}")


def check_url(url: str, policy: AddressPolicy = OPEN_INTERNET) -> tuple[str, str, int]:
    """Check a URL's syntax and any literal address in it; returns (scheme, host, port)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BlockedAddress(url, f"invalid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise BlockedAddress(url, f"scheme {scheme or '(none)'!r} is not http or https")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise BlockedAddress(url, "no host")
    if "%" in host and not host.startswith(("fe80", "[")):
        raise BlockedAddress(url, "percent-encoded host")
    _refuse_numeric_host(url, host)
    try:
        literal = ipaddress.ip_address(host)  # a zone (fe80::1%eth0) is kept: still link-local
    except ValueError:
        literal = None
    if literal is not None:
        check_ip(url, literal, policy)
    return scheme, host, port or (443 if scheme == "https" else 80)


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


async def _checked_addresses(
    url: str, host: str, port: int, policy: AddressPolicy, resolver: Resolver
) -> list[IPAddress]:
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        try:
            answers = await resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host!r}: {exc}") from exc
        ips = [ipaddress.ip_address(a.split("%")[0]) for a in answers]
    else:
        ips = [literal]
    if not ips:
        raise httpcore.ConnectError(f"{host!r} has no address")
    for ip in ips:  # one bad answer spoils the name: mixed answers are a rebinding tell
        check_ip(url, ip, policy)
    return ips


async def resolve_and_check(
    url: str,
    allow_private: bool = False,
    *,
    policy: AddressPolicy | None = None,
    resolver: Resolver = system_resolver,
) -> list[IPAddress]:
    """Resolve the URL's host and return its addresses, or raise BlockedAddress."""
    policy = policy or AddressPolicy(allow_private=allow_private)
    _, host, port = check_url(url, policy)
    return await _checked_addresses(url, host, port, policy, resolver)


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, policy: AddressPolicy, resolver: Resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._policy = policy
        self._resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        label = f"{host}:{port}"
        host = host.rstrip(".").lower()
        _refuse_numeric_host(label, host)
        ips = await _checked_addresses(label, host, port, self._policy, self._resolver)
        last_error: Exception | None = None
        for ip in ips:
            try:
                return await self._inner.connect_tcp(
                    str(ip), port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None
        raise last_error

    async def connect_unix_socket(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise httpcore.ConnectError("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """An httpx transport whose every TCP connection goes to a checked address."""

    def __init__(
        self,
        policy: AddressPolicy = OPEN_INTERNET,
        *,
        resolver: Resolver = system_resolver,
        verify: bool = True,
        limits: httpx.Limits = DEFAULT_LIMITS,
    ) -> None:
        super().__init__(verify=verify, trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(policy, resolver),
        )
