import ipaddress

import httpx
import pytest

from shared.netguard import (
    AddressPolicy,
    BlockedAddress,
    GuardedTransport,
    blocked_reason,
    check_url,
    resolve_and_check,
)
from tools.feed_server import FeedServer, Response

LOOPBACK_ONLY = AddressPolicy.allowing("127.0.0.0/8")


def fixed_resolver(answers: dict[str, list[str]], calls: list[str] | None = None):
    async def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append(host)
        return answers[host]

    return resolve


@pytest.mark.parametrize(
    "address, reason",
    [
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("169.254.10.10", "link-local"),
        ("fe80::1", "link-local"),
        ("fc00::1", "unique-local"),
        ("fd12:3456::1", "unique-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
        ("100.64.0.1", "non-global"),  # carrier-grade NAT
        ("240.0.0.1", "reserved"),
    ],
)
def test_non_public_addresses_are_refused_with_their_reason(address, reason):
    assert reason in (blocked_reason(ipaddress.ip_address(address)) or "")


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address):
    assert blocked_reason(ipaddress.ip_address(address)) is None


def test_allow_private_opens_private_ranges_but_never_metadata_or_unspecified():
    policy = AddressPolicy(allow_private=True)
    for ok in ("127.0.0.1", "10.0.0.1", "fd12::1", "::ffff:192.168.0.1"):
        assert blocked_reason(ipaddress.ip_address(ok), policy) is None
    for bad in ("169.254.169.254", "fd00:ec2::254", "0.0.0.0", "224.0.0.1"):
        assert blocked_reason(ipaddress.ip_address(bad), policy)


def test_allowed_networks_open_only_their_range():
    assert blocked_reason(ipaddress.ip_address("127.0.0.1"), LOOPBACK_ONLY) is None
    assert "private" in blocked_reason(ipaddress.ip_address("10.0.0.1"), LOOPBACK_ONLY)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.com/feed", "scheme"),
        ("gopher://example.com/", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("//example.com/feed", "scheme"),
        ("http:///feed", "no host"),
        ("http://2130706433/", "non-canonical"),
        ("http://0177.0.0.1/", "non-canonical"),
        ("http://0x7f.0.0.1/", "non-canonical"),
        ("http://0x7f000001/", "non-canonical"),
        ("http://127.1/", "non-canonical"),
        ("http://127.0.0.1/", "loopback"),
        ("http://127.0.0.1./", "loopback"),
        ("http://[::1]:8080/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:7f00:1]/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://0.0.0.0:8000/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://ex%41mple.com/", "percent"),
        ("http://example.com:99999/", "invalid"),
    ],
)
def test_check_url_refuses(url, reason):
    with pytest.raises(BlockedAddress) as caught:
        check_url(url)
    assert reason in caught.value.reason
    assert caught.value.url == url


def test_check_url_accepts_public_urls_and_reports_default_ports():
    assert check_url("https://Example.COM/feed") == ("https", "example.com", 443)
    assert check_url("http://8.8.8.8:8080/x") == ("http", "8.8.8.8", 8080)
    assert check_url("http://cafe.de/")[1] == "cafe.de"  # hex-looking letters are still a name


async def test_resolve_and_check_checks_every_answer():
    resolver = fixed_resolver({"news.test": ["93.184.216.34"], "mixed.test": ["93.184.216.34", "10.0.0.7"],
                               "inside.test": ["192.168.0.10"]})
    assert await resolve_and_check("https://news.test/rss", resolver=resolver) == [
        ipaddress.ip_address("93.184.216.34")
    ]
    with pytest.raises(BlockedAddress, match="10.0.0.7"):
        await resolve_and_check("https://mixed.test/rss", resolver=resolver)
    with pytest.raises(BlockedAddress, match="private"):
        await resolve_and_check("https://inside.test/rss", resolver=resolver)
    assert await resolve_and_check("https://inside.test/rss", allow_private=True, resolver=resolver)


@pytest.fixture(scope="module")
def server():
    with FeedServer() as s:
        s.route("/feed", Response(body="<rss/>", headers={"Content-Type": "application/rss+xml"}))
        yield s


async def test_transport_refuses_a_loopback_host_before_connecting(server):
    before = len(server.requests)
    async with httpx.AsyncClient(transport=GuardedTransport()) as client:
        with pytest.raises(BlockedAddress, match="loopback"):
            await client.get(server.url("/feed"))
    assert len(server.requests) == before


async def test_transport_connects_to_the_address_it_checked_keeping_the_host_name(server):
    calls: list[str] = []
    resolver = fixed_resolver({"feeds.test": ["127.0.0.1"]}, calls)
    async with httpx.AsyncClient(transport=GuardedTransport(LOOPBACK_ONLY, resolver=resolver)) as client:
        response = await client.get(f"http://feeds.test:{server.port}/feed")
    assert response.text == "<rss/>"
    assert calls == ["feeds.test"]  # resolved once, by the guard
    assert server.requests_for("/feed")[-1].headers["host"] == f"feeds.test:{server.port}"


async def test_transport_refuses_a_name_that_rebinds_to_a_private_address(server):
    resolver = fixed_resolver({"rebind.test": ["127.0.0.1", "10.9.8.7"]})
    before = len(server.requests)
    async with httpx.AsyncClient(transport=GuardedTransport(LOOPBACK_ONLY, resolver=resolver)) as client:
        with pytest.raises(BlockedAddress, match="10.9.8.7"):
            await client.get(f"http://rebind.test:{server.port}/feed")
    assert len(server.requests) == before


async def test_transport_refuses_numeric_host_forms():
    async with httpx.AsyncClient(transport=GuardedTransport(AddressPolicy(allow_private=True))) as client:
        with pytest.raises(BlockedAddress, match="non-canonical"):
            await client.get("http://2130706433/")
