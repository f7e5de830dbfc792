"""The alerts service's settings: webhook delivery's (`SITREP_WEBHOOK_*`) and where payload links point."""

from __future__ import annotations

from shared.webhooks.settings import WebhookSettings


class AlertsSettings(WebhookSettings):
    # Where the payload's links point: the events API with its version prefix.
    public_api_url: str = "http://127.0.0.1:8000/v1"
