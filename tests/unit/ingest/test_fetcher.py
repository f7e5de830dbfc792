import asyncio
import gzip
import zlib

import pytest

from services.ingest.fetch.fetcher import Fetcher, FetchError, FetchErrorKind, FetchLimits
from services.ingest.fetch.politeness import HostLimiter
from shared.netguard import AddressPolicy
from tools.feed_server import Response, conditional

RSS = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
LOCAL = AddressPolicy(allow_private=True)


def fetcher(**limits) -> Fetcher:
    return Fetcher(policy=LOCAL, limits=FetchLimits(**limits))


async def fetch_error(url: str, **limits) -> FetchError:
    async with fetcher(**limits) as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(url)
    return caught.value


async def test_conditional_get_round_trip(feed_server):
    feed_server.route("/c", conditional(RSS, etag='"v1"', last_modified="Mon, 03 Apr 2023 01:02:03 GMT",
                                        headers={"Cache-Control": "public, max-age=600"}))
    async with fetcher() as f:
        first = await f.fetch(feed_server.url("/c"))
        second = await f.fetch(feed_server.url("/c"), etag=first.etag, last_modified=first.last_modified)
    assert (first.status, first.body, first.not_modified, first.max_age) == (200, RSS, False, 600.0)
    assert first.etag == '"v1"' and first.last_modified.startswith("Mon, 03 Apr")
    assert second.not_modified and second.status == 304 and second.body == b""
    sent = feed_server.requests_for("/c")[-1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == first.last_modified
    assert sent["user-agent"].startswith("sitrep/") and "(+https://github.com/sitrep/sitrep)" in sent["user-agent"]


async def test_permanent_redirect_reports_the_new_url(feed_server):
    feed_server.route("/old", Response(301, {"Location": "/mid"}))
    feed_server.route("/mid", Response(308, {"Location": feed_server.url("/new")}))
    feed_server.route("/new", Response(body=RSS))
    async with fetcher() as f:
        result = await f.fetch(feed_server.url("/old"))
    assert result.body == RSS
    assert result.final_url == result.permanent_url == feed_server.url("/new")


async def test_temporary_hop_stops_the_permanent_url(feed_server):
    feed_server.route("/p", Response(301, {"Location": "/t"}))
    feed_server.route("/t", Response(302, {"Location": "/new"}))
    feed_server.route("/only-temp", Response(307, {"Location": "/new"}))
    feed_server.route("/new", Response(body=RSS))
    async with fetcher() as f:
        chain = await f.fetch(feed_server.url("/p"))
        temp = await f.fetch(feed_server.url("/only-temp"))
    assert chain.permanent_url == feed_server.url("/t")
    assert chain.final_url == feed_server.url("/new")
    assert temp.permanent_url is None and temp.final_url == feed_server.url("/new")


async def test_redirect_loop_stops_after_the_limit(feed_server):
    feed_server.route("/loop", Response(302, {"Location": "/loop"}))
    error = await fetch_error(feed_server.url("/loop"), max_redirects=3)
    assert error.kind is FetchErrorKind.TOO_MANY_REDIRECTS


@pytest.mark.parametrize("target", ["http://10.20.30.40/feed", "http://169.254.169.254/latest/meta-data/",
                                    "file:///etc/passwd", "http://2130706433/"])
async def test_each_redirect_hop_is_checked(feed_server, target):
    feed_server.route("/evil", Response(302, {"Location": target}))
    async with Fetcher(policy=AddressPolicy.allowing("127.0.0.0/8")) as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(feed_server.url("/evil"))
    assert caught.value.kind is FetchErrorKind.BLOCKED


async def test_unusable_location_is_an_error_not_a_crash(feed_server):
    feed_server.route("/weird", Response(302, {"Location": "http://exa mple.test:80x/"}))
    feed_server.route("/empty", Response(302, {}))
    weird, empty = await fetch_error(feed_server.url("/weird")), await fetch_error(feed_server.url("/empty"))
    assert weird.kind in (FetchErrorKind.INVALID_URL, FetchErrorKind.BLOCKED, FetchErrorKind.PROTOCOL)
    assert empty.kind is FetchErrorKind.BAD_REDIRECT


async def test_loopback_is_blocked_without_the_operator_allowing_it(feed_server):
    feed_server.route("/feed", Response(body=RSS))
    before = len(feed_server.requests)
    async with Fetcher() as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(feed_server.url("/feed"))
    assert caught.value.kind is FetchErrorKind.BLOCKED and "loopback" in caught.value.message
    assert len(feed_server.requests) == before


async def test_429_carries_retry_after(feed_server):
    feed_server.route("/busy", Response(429, {"Retry-After": "120"}))
    error = await fetch_error(feed_server.url("/busy"))
    assert (error.kind, error.status, error.retry_after) == (FetchErrorKind.HTTP_STATUS, 429, 120.0)


async def test_server_error_is_an_http_status_error(feed_server):
    feed_server.route("/broken", Response(500, body="oops"))
    error = await fetch_error(feed_server.url("/broken"))
    assert (error.kind, error.status, error.retry_after) == (FetchErrorKind.HTTP_STATUS, 500, None)


async def test_announced_oversized_body_is_refused(feed_server):
    feed_server.route("/big", Response(body=b"x" * 5000))
    error = await fetch_error(feed_server.url("/big"), max_bytes=4096)
    assert error.kind is FetchErrorKind.TOO_LARGE


async def test_streamed_oversized_body_is_cut_off(feed_server):
    feed_server.route("/stream", Response(chunks=[b"x" * 1024] * 64))
    error = await fetch_error(feed_server.url("/stream"), max_bytes=10_000)
    assert error.kind is FetchErrorKind.TOO_LARGE


async def test_gzip_body_is_decoded(feed_server):
    feed_server.route("/gz", Response(body=gzip.compress(RSS), headers={"Content-Encoding": "gzip"}))
    feed_server.route("/deflate", Response(body=zlib.compress(RSS)[2:-4], headers={"Content-Encoding": "deflate"}))
    async with fetcher() as f:
        gz = await f.fetch(feed_server.url("/gz"))
        raw_deflate = await f.fetch(feed_server.url("/deflate"))
    assert gz.body == raw_deflate.body == RSS
    assert gz.wire_bytes < len(RSS) + 30


async def test_gzip_bomb_is_refused_early(feed_server):
    bomb = gzip.compress(b"\0" * (64 << 20), compresslevel=9)  # 64 MiB of zeros in ~64 KiB
    feed_server.route("/bomb", Response(body=bomb, headers={"Content-Encoding": "gzip"}))
    error = await fetch_error(feed_server.url("/bomb"), max_bytes=32 << 20)
    assert error.kind is FetchErrorKind.DECOMPRESSION_BOMB


async def test_corrupt_gzip_is_a_bad_encoding(feed_server):
    feed_server.route("/corrupt", Response(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    error = await fetch_error(feed_server.url("/corrupt"))
    assert error.kind is FetchErrorKind.BAD_ENCODING


async def test_slow_body_hits_the_body_deadline(feed_server):
    feed_server.route("/slow", Response(chunks=[b"<rss>"] * 20, chunk_delay=0.1))
    error = await fetch_error(feed_server.url("/slow"), body_timeout=0.5, read_timeout=2)
    assert error.kind is FetchErrorKind.SLOW_BODY


async def test_silent_server_times_out(feed_server):
    feed_server.route("/silent", Response(body=RSS, delay=2))
    error = await fetch_error(feed_server.url("/silent"), read_timeout=0.3)
    assert error.kind is FetchErrorKind.TIMEOUT


async def test_total_deadline_covers_the_whole_fetch(feed_server):
    feed_server.route("/hop", Response(302, {"Location": "/silent2"}, delay=0.3))
    feed_server.route("/silent2", Response(body=RSS, delay=0.3))
    error = await fetch_error(feed_server.url("/hop"), total_timeout=0.4)
    assert error.kind is FetchErrorKind.TIMEOUT


async def test_refused_connection_is_a_connect_error():
    error = await fetch_error("http://127.0.0.1:9/feed")
    assert error.kind is FetchErrorKind.CONNECT


async def test_host_limiter_caps_concurrency_per_host_and_overall():
    limiter = HostLimiter(per_host=2, total=3)
    running: dict[str, int] = {}
    peaks: dict[str, int] = {}
    overall = [0, 0]

    async def visit(host: str) -> None:
        async with limiter.slot(host):
            running[host] = running.get(host, 0) + 1
            overall[0] += 1
            peaks[host] = max(peaks.get(host, 0), running[host])
            overall[1] = max(overall[1], overall[0])
            await asyncio.sleep(0.01)
            running[host] -= 1
            overall[0] -= 1

    await asyncio.gather(*(visit(h) for h in ["a.test"] * 6 + ["B.test"] * 6 + ["c.test"] * 2))
    assert peaks["a.test"] == 2 and peaks["B.test"] == 2
    assert overall[1] == 3
    assert limiter.active_hosts() == 0
