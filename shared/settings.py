"""Configuration from the environment (`SITREP_*`), with defaults that work with the local stack."""

from __future__ import annotations

from functools import lru_cache

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
