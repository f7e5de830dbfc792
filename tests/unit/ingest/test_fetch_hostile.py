"""Hostile feed servers and feed URLs: a gigabyte, an endless dribble, and every way to point at a
private network. Each ends in a typed FetchError within its limits, and nothing private is reached."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from services.ingest.fetch.fetcher import Fetcher, FetchError, FetchErrorKind, FetchLimits
from shared.netguard import AddressPolicy
from tests.support.ssrf import PRIVATE_ANSWERS, PRIVATE_FORMS, names
from tools.feed_server import Repeat, Response

MiB = 1 << 20
RSS = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
STAND_IN_FOR_THE_INTERNET = AddressPolicy.allowing("127.0.0.0/8")
"""The feed server is on loopback; in these tests loopback plays the public internet."""


async def fetch_error(url: str, fetcher: Fetcher) -> FetchError:
    async with fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url)
    return caught.value


async def test_a_gigabyte_body_is_cut_off_at_the_limit_without_holding_it(feed_server):
    gigabyte = Repeat(b"<item>" + b"x" * (64 * 1024 - 6), count=16 * 1024)
    feed_server.route("/gigabyte", Response(chunks=gigabyte))
    tracemalloc.start()
    started = time.monotonic()
    try:
        error = await fetch_error(feed_server.url("/gigabyte"), Fetcher(policy=STAND_IN_FOR_THE_INTERNET,
                                                                          limits=FetchLimits(max_bytes=MiB)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.kind is FetchErrorKind.TOO_LARGE and str(MiB) in error.message
    assert time.monotonic() - started < 5
    assert gigabyte.sent_bytes < 32 * MiB, "the rest of the gigabyte was never read"
    assert peak < 16 * MiB, f"{peak} bytes held for a 1 MiB limit"


async def test_an_endless_slow_body_hits_the_body_deadline(feed_server):
    endless = Repeat(b"<item><title>still coming</title></item>")
    feed_server.route("/endless", Response(chunks=endless, chunk_delay=0.05))
    started = time.monotonic()
    error = await fetch_error(feed_server.url("/endless"), Fetcher(
        policy=STAND_IN_FOR_THE_INTERNET, limits=FetchLimits(read_timeout=5, body_timeout=1, total_timeout=3)))
    assert error.kind is FetchErrorKind.SLOW_BODY
    assert 1 <= time.monotonic() - started < 2.5, "each chunk came in time; the body deadline ended it"


async def test_an_endless_fast_body_is_too_large(feed_server):
    feed_server.route("/flood", Response(chunks=Repeat(b"x" * 65536)))
    error = await fetch_error(feed_server.url("/flood"), Fetcher(policy=STAND_IN_FOR_THE_INTERNET,
                                                                  limits=FetchLimits(max_bytes=2 * MiB)))
    assert error.kind is FetchErrorKind.TOO_LARGE


@pytest.mark.parametrize("form", PRIVATE_FORMS)
async def test_private_addresses_in_every_form_are_refused_before_any_request(feed_server, form):
    feed_server.route("/x", Response(body=RSS))
    before = len(feed_server.requests)
    error = await fetch_error(form.format(port=feed_server.port), Fetcher())
    assert error.kind is FetchErrorKind.BLOCKED, error
    assert len(feed_server.requests) == before


@pytest.mark.parametrize("answers", PRIVATE_ANSWERS)
async def test_a_public_name_resolving_to_a_private_address_is_refused(feed_server, answers):
    feed_server.route("/feed", Response(body=RSS))
    before = len(feed_server.requests)
    fetcher = Fetcher(resolver=names({"news.example.com": answers}))
    error = await fetch_error(f"http://news.example.com:{feed_server.port}/feed", fetcher)
    assert error.kind is FetchErrorKind.BLOCKED and answers[-1].split("::ffff:")[-1] in error.message
    assert len(feed_server.requests) == before


@pytest.mark.parametrize("target", [
    "http://inside.example.com/admin",  # a name that resolves to a private address
    "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/", "http://0177.0.0.1/", "http://167772161/",
    "http://[fd00::1]/", "http://169.254.169.254/latest/meta-data/",
])
async def test_a_redirect_to_a_private_address_is_refused(feed_server, target):
    feed_server.route("/moved", Response(302, {"Location": target}))
    fetcher = Fetcher(policy=STAND_IN_FOR_THE_INTERNET,
                      resolver=names({"public.example.com": ["127.0.0.1"], "inside.example.com": ["10.0.0.8"]}))
    before = len(feed_server.requests)
    error = await fetch_error(f"http://public.example.com:{feed_server.port}/moved", fetcher)
    if target == "http://0177.0.0.1/":  # httpx itself refuses a Location it cannot read
        assert error.kind is FetchErrorKind.PROTOCOL and "Invalid IPv4 address" in error.message
    else:
        assert error.kind is FetchErrorKind.BLOCKED and error.url == target
    assert [r.path for r in feed_server.requests[before:]] == ["/moved"], "only the first hop was fetched"
