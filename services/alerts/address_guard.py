"""Refuse webhook URLs that point into private networks (SSRF), at creation and at delivery.

A minimal stand-in with the shape of `shared.netguard.resolve_and_check` (a URL is checked for
its syntax, then every address its host resolves to must be public), so the shared network guard
can replace its body when it lands. Cloud metadata addresses stay refused even when the operator
allows private networks.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200"))


class UrlRefused(ValueError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url!r}: {reason}")
        self.url = url
        self.reason = reason


def _refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_private: bool) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return "cloud metadata address"
    if ip.is_unspecified or ip.is_multicast or (ip.is_reserved and not ip.is_loopback):
        return "reserved, multicast or unspecified address"
    if not ip.is_global and not allow_private:
        return "private, loopback or link-local address"
    return None


def check_syntax(url: str) -> tuple[str, int]:
    """The URL's host and port, or UrlRefused for a scheme other than http(s) or no host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UrlRefused(url, f"invalid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(url, "only http and https URLs are allowed")
    if not parts.hostname:
        raise UrlRefused(url, "no host")
    if parts.username or parts.password:
        raise UrlRefused(url, "credentials in the URL are not allowed")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


async def resolve_and_check(url: str, allow_private: bool = False) -> list[str]:
    """Resolve the URL's host; every address must be allowed. Returns the addresses."""
    host, port = check_syntax(url)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UrlRefused(url, f"cannot resolve {host!r}: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise UrlRefused(url, f"{host!r} has no address")
    for address in addresses:
        reason = _refusal(ipaddress.ip_address(address.split("%")[0]), allow_private)
        if reason:
            raise UrlRefused(url, f"{address}: {reason}")
    return addresses
