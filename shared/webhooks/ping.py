"""A signed `ping` to a subscription's URL, sent now and outside the delivery queue.

The CLI's `subscriptions test` and the API's `POST /v1/subscriptions/{id}/test` both send it, so
a subscriber can check their endpoint and signature verification before any claim arrives.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from shared.ids import new_id
from shared.readmodel.subscriptions.commands import get_subscription, signing_secrets
from shared.unit_of_work import Database
from shared.webhooks.message import PAYLOAD_VERSION, body_of
from shared.webhooks.sender import AttemptResult, WebhookSender
from shared.webhooks.settings import WebhookSettings


def ping_payload(*, subscription_id: str, message_id: str, now: datetime) -> dict[str, Any]:
    return {
        "type": "ping",
        "version": PAYLOAD_VERSION,
        "timestamp": now.isoformat(),
        "data": {"subscription_id": subscription_id, "message_id": message_id},
    }


def ping_message_id() -> str:
    return f"msg_ping_{new_id().replace('-', '')}"


async def send_ping(db: Database, subscription_id: str, config: WebhookSettings, *, allow_private: bool) -> AttemptResult:
    """Raises SubscriptionNotFound for an unknown or deleted subscription; nothing is recorded."""
    async with db.engine.connect() as conn:
        row = await get_subscription(conn, subscription_id)
        secrets = await signing_secrets(conn, subscription_id)
    message_id = ping_message_id()
    body = body_of(ping_payload(subscription_id=subscription_id, message_id=message_id, now=datetime.now(UTC)))
    sender = WebhookSender(connect_timeout=config.webhook_connect_timeout_s, total_timeout=config.webhook_timeout_s,
                           max_response_bytes=config.webhook_max_response_bytes, allow_private=allow_private)
    try:
        return await sender.send(row["url"], message_id, body, secrets)
    finally:
        await sender.close()
