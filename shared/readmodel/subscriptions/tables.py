"""Webhook subscriptions, and their signing secrets.

`subscriptions` is a projection of events; `subscription_secrets` is not: secrets stay out of the log.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, Table, Text
from sqlalchemy.dialects.postgresql import JSONB

from shared.schema import metadata

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("subscription_id", Text, primary_key=True),
    Column("url", Text, nullable=False),
    Column("description", Text),
    Column("filters", JSONB, nullable=False),
    Column("enabled", Boolean, nullable=False),
    Column("disabled_reason", Text),
    Column("key_id", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True)),
    Column("version", Integer, nullable=False),
)

subscription_secrets = Table(
    "subscription_secrets",
    metadata,
    Column("subscription_id", Text, primary_key=True),
    Column("key_id", Text, primary_key=True),
    Column("secret", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
)
