"""Configuration from the environment (`SITREP_*`), with defaults that work with the local stack."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


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
    # 0 means "the service's own default port" (ingest 9101, dedupe 9102, alerts 9103).
    metrics_port: int = 0

    allow_private_networks: bool = False
    log_level: str = "INFO"
    log_format: str = "auto"  # auto | json | console

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    def consumer_group(self, service: str) -> str:
        return f"{self.topic_prefix}sitrep-{service}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
