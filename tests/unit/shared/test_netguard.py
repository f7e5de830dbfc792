import ipaddress
import socket

import httpcore
import httpx
import pytest

from shared.netguard import (
    AddressPolicy,
    BlockedAddress,
    GuardedTransport,
    _GuardedBackend,
    blocked_reason,
    check_url,
    resolve_and_check,
    system_resolver,
)
from tools.feed_server import FeedServer, Response



def loopback_only() -> AddressPolicy:
    return AddressPolicy.allowing("127.0.0.0/8")


def fixed_resolver(answers: dict[str, list[str]], calls: list[tuple[str, int]] | None = None):
    async def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append((host, port))
        return answers[host]

    return resolve


@pytest.mark.parametrize(
    "address, reason",
    [
        ("10.1.2.3", "private address"),
        ("172.16.0.1", "private address"),
        ("192.168.1.1", "private address"),
        ("127.0.0.1", "loopback address"),
        ("127.8.9.10", "loopback address"),
        ("::1", "loopback address"),
        ("169.254.10.10", "link-local address"),
        ("fe80::1", "link-local address"),
        ("fc00::1", "unique-local address"),
        ("fd12:3456::1", "unique-local address"),
        ("224.0.0.1", "multicast address"),
        ("ff02::1", "multicast address"),
        ("0.0.0.0", "unspecified address"),
        ("::", "unspecified address"),
        ("169.254.169.254", "cloud metadata address"),
        ("fd00:ec2::254", "cloud metadata address"),
        ("100.100.100.200", "cloud metadata address"),
        ("::ffff:127.0.0.1", "embeds 127.0.0.1: loopback address"),
        ("::ffff:10.0.0.1", "embeds 10.0.0.1: private address"),
        ("2002:7f00:1::", "embeds 127.0.0.1: loopback address"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", "embeds 10.0.0.1: private address"),  # NAT64 wrapping 10.0.0.1
        # Teredo: server 65.54.227.120, client 10.0.0.1 stored with its bits inverted.
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "embeds 10.0.0.1: private address"),
        ("100.64.0.1", "non-global address"),  # carrier-grade NAT
        ("240.0.0.1", "reserved address"),
    ],
)
def test_non_public_addresses_are_refused_with_their_reason(address, reason):
    assert blocked_reason(ipaddress.ip_address(address)) == reason


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
    assert blocked_reason(ipaddress.ip_address("127.0.0.1"), loopback_only()) is None
    assert "private" in blocked_reason(ipaddress.ip_address("10.0.0.1"), loopback_only())


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "scheme 'file' is not http or https"),
        ("ftp://example.com/feed", "scheme 'ftp' is not http or https"),
        ("gopher://example.com/", "scheme 'gopher' is not http or https"),
        ("javascript:alert(1)", "scheme 'javascript' is not http or https"),
        ("//example.com/feed", "scheme '(none)' is not http or https"),
        ("http:///feed", "no host"),
        ("http://2130706433/", "non-canonical numeric host '2130706433'"),
        ("http://0177.0.0.1/", "non-canonical numeric host '0177.0.0.1'"),
        ("http://0x7f.0.0.1/", "non-canonical numeric host '0x7f.0.0.1'"),
        ("http://0x7f000001/", "non-canonical numeric host '0x7f000001'"),
        ("http://127.1/", "non-canonical numeric host '127.1'"),
        ("http://1.1.1.256/", "non-canonical numeric host '1.1.1.256'"),
        ("http://127.0.0.1/", "127.0.0.1: loopback address"),
        ("http://127.0.0.1./", "127.0.0.1: loopback address"),
        ("http://[::1]:8080/", "::1: loopback address"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1: embeds 127.0.0.1: loopback address"),
        ("http://[::ffff:7f00:1]/", "::ffff:7f00:1: embeds 127.0.0.1: loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254: cloud metadata address"),
        ("http://[fd00:ec2::254]/", "fd00:ec2::254: cloud metadata address"),
        ("http://[fd00:ec2::254%25eth0]/", "percent-encoded host"),
        ("http://[fe80::1%25eth0]/", "fe80::1%25eth0: link-local address"),
        ("http://0.0.0.0:8000/", "0.0.0.0: unspecified address"),
        ("http://[::]/", "::: unspecified address"),
        ("http://ex%41mple.com/", "percent-encoded host"),
        ("http://example.com:99999/", "invalid URL: Port out of range 0-65535"),
    ],
)
def test_check_url_refuses(url, reason):
    with pytest.raises(BlockedAddress) as caught:
        check_url(url)
    assert caught.value.reason == reason
    assert caught.value.url == url
    assert str(caught.value) == f"refused {url!r}: {reason}"


def test_check_url_accepts_public_urls_and_reports_default_ports():
    assert check_url("https://Example.COM/feed") == ("https", "example.com", 443)
    assert check_url("http://8.8.8.8:8080/x") == ("http", "8.8.8.8", 8080)
    assert check_url("http://cafe.de/")[1] == "cafe.de"  # hex-looking letters are still a name
    assert check_url("http://example.com/feed") == ("http", "example.com", 80)
    assert check_url("http://1.1.1.255/") == ("http", "1.1.1.255", 80)


def test_an_operators_link_local_address_with_its_zone_is_allowed_with_private_ranges():
    policy = AddressPolicy(allow_private=True)
    assert check_url("http://[fe80::1%25eth0]:8080/", policy) == ("http", "fe80::1%25eth0", 8080)


async def test_resolve_and_check_checks_every_answer():
    calls: list[tuple[str, int]] = []
    resolver = fixed_resolver({"news.test": ["93.184.216.34"], "mixed.test": ["93.184.216.34", "10.0.0.7"],
                               "inside.test": ["192.168.0.10"]}, calls)
    assert await resolve_and_check("https://news.test/rss", resolver=resolver) == [
        ipaddress.ip_address("93.184.216.34")
    ]
    assert calls == [("news.test", 443)]
    with pytest.raises(BlockedAddress, match="10.0.0.7") as caught:
        await resolve_and_check("https://mixed.test/rss", resolver=resolver)
    assert caught.value.url == "https://mixed.test/rss"
    with pytest.raises(BlockedAddress, match="private"):
        await resolve_and_check("https://inside.test/rss", resolver=resolver)
    assert await resolve_and_check("https://inside.test/rss", allow_private=True, resolver=resolver)


async def test_a_literal_private_address_passes_when_private_ranges_are_allowed():
    resolver = fixed_resolver({})
    assert await resolve_and_check("http://10.0.0.1:8080/x", allow_private=True, resolver=resolver) == [
        ipaddress.ip_address("10.0.0.1")
    ]
    with pytest.raises(BlockedAddress, match="private address"):
        await resolve_and_check("http://10.0.0.1:8080/x", resolver=resolver)


async def test_an_answer_with_a_zone_is_checked_without_it():
    """fd00:ec2::254%eth0 is still the metadata address: its zone must not hide it."""
    resolver = fixed_resolver({"zoned.test": ["fd00:ec2::254%eth0"], "local.test": ["fe80::1%eth0"]})
    with pytest.raises(BlockedAddress, match="cloud metadata address"):
        await resolve_and_check("http://zoned.test/", allow_private=True, resolver=resolver)
    assert await resolve_and_check("http://local.test/", allow_private=True, resolver=resolver) == [
        ipaddress.ip_address("fe80::1")
    ]


async def test_a_name_that_cannot_be_resolved_or_has_no_address_is_a_connect_error():
    async def failing(host: str, port: int) -> list[str]:
        raise OSError("no such name")

    with pytest.raises(httpcore.ConnectError, match=r"^cannot resolve 'gone.test': no such name$"):
        await resolve_and_check("http://gone.test/", resolver=failing)
    with pytest.raises(httpcore.ConnectError, match=r"^'empty.test' has no address$"):
        await resolve_and_check("http://empty.test/", resolver=fixed_resolver({"empty.test": []}))


async def test_the_system_resolver_answers_each_address_once():
    assert await system_resolver("127.0.0.2", 80) == ["127.0.0.2"]
    assert await system_resolver("::1", 443) == ["::1"]


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
    calls: list[tuple[str, int]] = []
    resolver = fixed_resolver({"feeds.test": ["127.0.0.1"]}, calls)
    async with httpx.AsyncClient(transport=GuardedTransport(loopback_only(), resolver=resolver)) as client:
        response = await client.get(f"http://feeds.test:{server.port}/feed")
        assert (await client.get(f"http://FEEDS.test.:{server.port}/feed")).text == "<rss/>"
    assert response.text == "<rss/>"
    assert calls == [("feeds.test", server.port)] * 2  # resolved by the guard, without the trailing dot
    assert server.requests_for("/feed")[-2].headers["host"] == f"feeds.test:{server.port}"


async def test_transport_connects_to_a_literal_address_without_resolving_it(server):
    calls: list[tuple[str, int]] = []
    async with httpx.AsyncClient(transport=GuardedTransport(loopback_only(),
                                                            resolver=fixed_resolver({}, calls))) as client:
        response = await client.get(server.url("/feed"))
    assert response.text == "<rss/>" and calls == []


async def test_transport_takes_no_certificate_or_proxy_setting_from_the_environment(server, monkeypatch, tmp_path):
    """Whoever sets the process's environment must not choose the CAs trusted or a proxy that sees
    every request: the transport neither loads SSL_CERT_FILE nor goes through HTTP_PROXY."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "missing"))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    transport = GuardedTransport(loopback_only(), resolver=fixed_resolver({"feeds.test": ["127.0.0.1"]}))
    response = await transport.handle_async_request(httpx.Request("GET", f"http://feeds.test:{server.port}/feed"))
    assert response.status_code == 200
    await transport.aclose()


async def test_transport_reports_a_refused_connection_as_a_connect_error():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    resolver = fixed_resolver({"closed.test": ["127.0.0.1"]})
    async with httpx.AsyncClient(transport=GuardedTransport(loopback_only(), resolver=resolver)) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"http://closed.test:{port}/feed")


async def test_transport_refuses_a_name_that_rebinds_to_a_private_address(server):
    resolver = fixed_resolver({"rebind.test": ["127.0.0.1", "10.9.8.7"]})
    before = len(server.requests)
    async with httpx.AsyncClient(transport=GuardedTransport(loopback_only(), resolver=resolver)) as client:
        with pytest.raises(BlockedAddress, match="10.9.8.7"):
            await client.get(f"http://rebind.test:{server.port}/feed")
    assert len(server.requests) == before


async def test_transport_refuses_numeric_host_forms():
    async with httpx.AsyncClient(transport=GuardedTransport(AddressPolicy(allow_private=True))) as client:
        with pytest.raises(BlockedAddress, match="non-canonical") as caught:
            await client.get("http://2130706433/")
    assert caught.value.url == "2130706433:80"


async def test_transport_names_the_host_and_port_it_refused(server):
    resolver = fixed_resolver({"inside.test": ["10.9.8.7"]})
    async with httpx.AsyncClient(transport=GuardedTransport(loopback_only(), resolver=resolver)) as client:
        with pytest.raises(BlockedAddress) as caught:
            await client.get(f"http://inside.test:{server.port}/feed")
    assert caught.value.url == f"inside.test:{server.port}"
    assert caught.value.reason == "10.9.8.7: private address"


async def test_the_guarded_backend_never_opens_a_unix_socket_and_sleeps_as_asked():
    backend = _GuardedBackend(loopback_only(), fixed_resolver({}))
    with pytest.raises(httpcore.ConnectError, match=r"^unix sockets are not allowed$"):
        await backend.connect_unix_socket("/run/docker.sock")
    await backend.sleep(0.01)


def test_transport_verifies_certificates_unless_told_not_to_and_keeps_the_limits_given():
    import ssl

    pool = GuardedTransport()._pool
    assert pool._ssl_context.verify_mode is ssl.CERT_REQUIRED and pool._ssl_context.check_hostname
    assert GuardedTransport(verify=False)._pool._ssl_context.verify_mode is ssl.CERT_NONE
    limited = GuardedTransport(limits=httpx.Limits(max_connections=7, max_keepalive_connections=3,
                                                   keepalive_expiry=9.0))._pool
    assert (limited._max_connections, limited._max_keepalive_connections, limited._keepalive_expiry) == (7, 3, 9.0)
