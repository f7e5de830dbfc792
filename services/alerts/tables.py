"""The alerts service's tables: claims, subscriptions and the delivery queue.

All are projections of events except `subscription_secrets` (secrets stay out of the log) and
the lease columns of `deliveries` (which worker holds a row right now).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    SmallInteger,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

claims = Table(
    "claims",
    metadata,
    Column("claim_id", Text, primary_key=True),
    Column("identity_key", Text, nullable=False, index=True),
    Column("series_key", Text, nullable=False, index=True),
    Column("kind", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("subject", Text),
    Column("count_min", Integer),
    Column("count_max", Integer),
    Column("approximate", Boolean, nullable=False),
    Column("side", Text),
    Column("claimant", Text),
    Column("parties", JSONB, nullable=False),
    Column("historical", Boolean, nullable=False),
    Column("place", Text),
    Column("date", Text),
    Column("mediator", Text),
    Column("novelty", Text, nullable=False),
    Column("refers_to", Text),
    Column("sentence", Text, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("first_event_id", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("first_observed_at", DateTime(timezone=True), nullable=False),
    Column("last_observed_at", DateTime(timezone=True), nullable=False),
    Column("observation_count", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
)

claim_observations = Table(
    "claim_observations",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("claim_id", Text, nullable=False, index=True),
    Column("novelty", Text, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("item_event_id", Text, nullable=False),
    Column("source_id", Text, nullable=False),
    Column("source_url", Text),
    Column("sentence", Text, nullable=False),
    Column("observed_at", DateTime(timezone=True), nullable=False),
)

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

deliveries = Table(
    "deliveries",
    metadata,
    Column("delivery_id", Text, primary_key=True),
    Column("message_id", Text, nullable=False, unique=True),
    Column("subscription_id", Text, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("claim_event_id", Text, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("payload", JSONB, nullable=False),
    Column("status", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("round_attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime(timezone=True)),
    Column("last_attempt_at", DateTime(timezone=True)),
    Column("last_status_code", SmallInteger),
    Column("last_error", Text),
    Column("queued_at", DateTime(timezone=True), nullable=False),
    Column("claim_observed_at", DateTime(timezone=True), nullable=False),
    Column("delivered_at", DateTime(timezone=True)),
    Column("dead_lettered_at", DateTime(timezone=True)),
    Column("leased_until", DateTime(timezone=True)),
    Column("lease_owner", Text),
    UniqueConstraint("subscription_id", "claim_id", name="deliveries_subscription_claim_key"),
)

delivery_attempts = Table(
    "delivery_attempts",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("delivery_id", Text, nullable=False, index=True),
    Column("attempt", Integer, nullable=False),
    Column("url", Text, nullable=False),
    Column("status_code", SmallInteger),
    Column("latency_ms", Float, nullable=False),
    Column("error", Text),
    Column("outcome", Text, nullable=False),
    Column("attempted_at", DateTime(timezone=True), nullable=False),
)
