"""Webhook URLs that point at a private network are refused when a subscription is made and again at
delivery, in every spelling, behind a public-looking name, or behind a redirect (never followed)."""

from __future__ import annotations

import pytest

from shared.netguard import BlockedAddress
from shared.readmodel.subscriptions.commands import check_webhook_url
from shared.webhooks.sender import WebhookSender
from shared.webhooks.signing import generate_secret
from tests.support.ssrf import PRIVATE_ANSWERS, PRIVATE_FORMS, names
from tools.feed_server import FeedServer, Response

BODY = b'{"type":"ping","version":1}'


@pytest.fixture(scope="module")
def receiver():
    with FeedServer() as server:
        server.route("/x", Response(204))
        server.route("/hook", Response(204))
        yield server


async def send(sender: WebhookSender, url: str):
    try:
        return await sender.send(url, "msg_1", BODY, [generate_secret()])
    finally:
        await sender.close()


@pytest.mark.parametrize("form", PRIVATE_FORMS)
async def test_every_private_form_is_refused_at_subscription_and_at_delivery(receiver, form):
    url = form.format(port=receiver.port)
    with pytest.raises(BlockedAddress):
        await check_webhook_url(url, allow_private=False)
    before = len(receiver.requests)
    result = await send(WebhookSender(), url)
    assert result.refused and result.status_code is None, result
    assert len(receiver.requests) == before


@pytest.mark.parametrize("answers", PRIVATE_ANSWERS)
async def test_a_public_name_resolving_to_a_private_address_is_refused(receiver, answers):
    resolver = names({"hooks.example.com": answers})
    url = f"http://hooks.example.com:{receiver.port}/hook"
    with pytest.raises(BlockedAddress):
        await check_webhook_url(url, allow_private=False, resolver=resolver)
    before = len(receiver.requests)
    result = await send(WebhookSender(resolver=resolver), url)
    assert result.refused and answers[-1].split("::ffff:")[-1] in result.error
    assert len(receiver.requests) == before


async def test_metadata_addresses_stay_refused_even_when_private_networks_are_allowed(receiver):
    resolver = names({"hooks.example.com": ["169.254.169.254"]})
    with pytest.raises(BlockedAddress, match="metadata"):
        await check_webhook_url("http://hooks.example.com/hook", allow_private=True, resolver=resolver)
    result = await send(WebhookSender(allow_private=True, resolver=resolver), "http://hooks.example.com/hook")
    assert result.refused and "metadata" in result.error


@pytest.mark.parametrize("target", ["/inside", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/"])
async def test_a_redirect_is_never_followed(receiver, target):
    receiver.route("/moved", Response(307, {"Location": target}))
    receiver.route("/inside", Response(204))
    before = len(receiver.requests)
    result = await send(WebhookSender(allow_private=True), receiver.url("/moved"))
    assert result.status_code == 307 and "not followed" in result.error
    assert [r.path for r in receiver.requests[before:]] == ["/moved"]
