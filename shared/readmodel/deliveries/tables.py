"""The webhook delivery queue and every attempt.

Projections of events, except the lease columns of `deliveries` (which worker holds a row right now).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    SmallInteger,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from shared.schema import metadata

deliveries = Table(
    "deliveries",
    metadata,
    Column("delivery_id", Text, primary_key=True),
    Column("message_id", Text, nullable=False, unique=True),
    Column("subscription_id", Text, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("claim_event_id", Text, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("incident_id", Text),
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
    Index("deliveries_claim_idx", "claim_id"),
    Index("deliveries_dead_idx", "subscription_id", postgresql_where=text("status = 'dead_lettered'")),
    Index("deliveries_due_idx", "next_attempt_at", postgresql_where=text("status = 'pending'")),
    Index("deliveries_subscription_queued_idx", "subscription_id", "queued_at", "delivery_id"),
    Index("deliveries_subscription_incident_idx", "subscription_id", "incident_id",
          postgresql_where=text("incident_id IS NOT NULL")),
)

delivery_attempts = Table(
    "delivery_attempts",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("delivery_id", Text, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("url", Text, nullable=False),
    Column("status_code", SmallInteger),
    Column("latency_ms", Float, nullable=False),
    Column("error", Text),
    Column("outcome", Text, nullable=False),
    Column("attempted_at", DateTime(timezone=True), nullable=False),
    Index("delivery_attempts_delivery_idx", "delivery_id"),
)
