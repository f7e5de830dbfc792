"""The API's own settings (`SITREP_API_*`); host and port stay in the shared settings."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITREP_API_", extra="ignore")

    # Reads without a key; writes always need an admin key.
    anonymous_read: bool = False
    # Token bucket per API key (or per client address for anonymous reads), in this process.
    rate_limit_per_second: float = 20.0
    rate_limit_burst: int = 40
    max_body_bytes: int = 64 * 1024
    sse_heartbeat_seconds: float = 15.0
    idempotency_ttl_hours: int = 24
