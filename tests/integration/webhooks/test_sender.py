"""The webhook sender against a local receiver: timeouts, the response cap, SSRF at delivery."""

from __future__ import annotations

import time

from standardwebhooks.webhooks import Webhook

from shared.webhooks.sender import WebhookSender
from shared.webhooks.signing import generate_secret
from tools.feed_server import FeedServer, Response

BODY = b'{"type":"ping","version":1}'


async def send(url: str, **options) -> object:
    sender = WebhookSender(allow_private=True, **options)
    try:
        return await sender.send(url, "msg_1", BODY, [generate_secret()])
    finally:
        await sender.close()


async def test_a_signed_post_that_verifies():
    secret = generate_secret()
    with FeedServer() as receiver:
        receiver.route("/hook", Response(204))
        sender = WebhookSender(allow_private=True)
        try:
            result = await sender.send(receiver.url("/hook"), "msg_1", BODY, [secret])
        finally:
            await sender.close()
        [request] = receiver.requests_for("/hook")
    assert result.status_code == 204 and result.error is None and result.latency_ms > 0
    assert request.method == "POST" and request.headers["user-agent"].startswith("sitrep-webhooks/")
    Webhook(secret).verify(request.body, request.headers)


async def test_the_total_timeout_bounds_a_dribbling_answer():
    with FeedServer() as receiver:
        receiver.route("/slow", Response(200, chunks=[b"x"] * 20, chunk_delay=0.2))
        started = time.monotonic()
        result = await send(receiver.url("/slow"), total_timeout=1.0)
    assert result.status_code is None and "timed out" in result.error
    assert time.monotonic() - started < 2


async def test_only_the_first_bytes_of_a_huge_answer_are_read():
    with FeedServer() as receiver:
        receiver.route("/big", Response(200, chunks=[b"x" * 65536] * 200, chunk_delay=0.01))
        started = time.monotonic()
        result = await send(receiver.url("/big"), max_response_bytes=1024)
    assert result.status_code == 200 and time.monotonic() - started < 1.5


async def test_connection_refused_is_an_error_to_retry():
    result = await send("http://127.0.0.1:9/hook", connect_timeout=1.0)
    assert result.status_code is None and result.error and not result.refused


async def test_private_addresses_are_refused_at_delivery_before_any_connection():
    with FeedServer() as receiver:
        receiver.route("/hook", Response(200))
        sender = WebhookSender(allow_private=False)
        try:
            result = await sender.send(receiver.url("/hook"), "msg_1", BODY, [generate_secret()])
            by_name = await sender.send(f"http://localhost:{receiver.port}/hook", "msg_1", BODY, [generate_secret()])
        finally:
            await sender.close()
        assert receiver.requests == []
    assert result.refused and "loopback" in result.error
    assert by_name.refused
