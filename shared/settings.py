"""Configuration from the environment (`SITREP_*`), with defaults that work with the local stack."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


PIPELINE_SERVICES = ("ingest", "dedupe", "alerts")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITREP_", extra="ignore")

    database_url: str = "postgresql+asyncpg://sitrep:sitrep@127.0.0.1:5432/sitrep"
    database_pool_size: int = 10
    kafka_bootstrap: str = "127.0.0.1:9092"
    # Prefix for topic and consumer group names, so deployments (or test runs) can share a cluster.
    topic_prefix: str = ""

    api_host: str = "127.0.0.1"
    api_port: int = 8000
    metrics_host: str = "127.0.0.1"
    # The metrics/health port of ingest; dedupe and alerts take the next two.
    metrics_port_base: int = 9101
    # Set to give one service an explicit port instead (0: derive it from the base).
    metrics_port: int = 0

    allow_private_networks: bool = False

    # ingest: how often the scheduler looks for due sources, how many it fetches at once (in all,
    # and per host), how long a claim on a source lasts, and the limits of one fetch.
    ingest_tick_seconds: float = 1.0
    ingest_concurrency: int = 20
    ingest_per_host: int = 2
    ingest_lease_seconds: float = 180.0
    ingest_fetch_timeout_seconds: float = 90.0
    ingest_max_bytes: int = 10 * 1024 * 1024
    ingest_max_items: int = 500
    ingest_unhealthy_after_failures: int = 10
    ingest_unhealthy_retry_seconds: float = 6 * 3600

    # dedupe: items meet only items published within this many days of their own; the index
    # forgets entries filed longer ago than the retention (at least the window), checked this often.
    dedupe_window_days: float = Field(default=3.0, gt=0)
    dedupe_retention_days: float = Field(default=7.0, gt=0)
    dedupe_upkeep_seconds: float = Field(default=60.0, gt=0)
    # incidents: a story joins an incident only within this many days of the incident's first story
    dedupe_incident_window_days: float = Field(default=3.0, gt=0)

    log_level: str = "INFO"
    log_format: str = "auto"  # auto | json | console

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    def metrics_port_for(self, service: str) -> int:
        if self.metrics_port:
            return self.metrics_port
        return self.metrics_port_base + PIPELINE_SERVICES.index(service)

    def consumer_group(self, service: str) -> str:
        return f"{self.topic_prefix}sitrep-{service}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
