"""Webhook delivery settings (`SITREP_WEBHOOK_*`): read by the alerts service's worker and by the API
(test pings, secret rotation)."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.webhooks.schedule import DEFAULT_SCHEDULE, RetryPolicy


class WebhookSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITREP_", extra="ignore")

    webhook_retry_schedule: str = DEFAULT_SCHEDULE
    webhook_retry_jitter: float = 0.1
    webhook_connect_timeout_s: float = 5.0
    webhook_timeout_s: float = 15.0
    webhook_max_response_bytes: int = 64 * 1024
    webhook_concurrency_per_endpoint: int = 4
    webhook_max_in_flight: int = 64
    webhook_breaker_failures: int = 5
    webhook_breaker_cooldown_s: float = 30.0
    webhook_breaker_max_cooldown_s: float = 600.0
    webhook_poll_interval_s: float = 0.2
    webhook_secret_overlap_s: float = 86400.0

    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy.from_text(self.webhook_retry_schedule, self.webhook_retry_jitter)

    @property
    def lease_seconds(self) -> float:
        """How long a claimed delivery stays with its worker before another may take it."""
        return self.webhook_timeout_s * 2 + 30.0
