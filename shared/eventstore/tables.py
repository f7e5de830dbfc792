"""Table definitions of the event log; migrations create them, code reads them from here."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    SmallInteger,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from shared.schema import metadata

events = Table(
    "events",
    metadata,
    Column("position", BigInteger, Identity(always=True), primary_key=True),
    Column("id", UUID(as_uuid=False), nullable=False, unique=True),
    Column("stream_id", Text, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("version", SmallInteger, nullable=False),
    Column("source", Text, nullable=False),
    Column("subject", Text),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("correlation_id", Text),
    Column("causation_id", Text),
    Column("data", JSONB, nullable=False),
    UniqueConstraint("stream_id", "stream_version", name="events_stream_version_key"),
    Index("events_correlation_idx", "correlation_id"),
    Index("events_stream_position_idx", "stream_id", "position"),
    Index("events_subject_idx", "subject", postgresql_where=text("subject IS NOT NULL")),
    Index("events_time_idx", "time"),
    Index("events_type_position_idx", "type", "position"),
)

# Kafka offsets consumed, written in the same transaction as the work they caused.
consumer_offsets = Table(
    "consumer_offsets",
    metadata,
    Column("group_id", Text, primary_key=True),
    Column("topic", Text, primary_key=True),
    Column("partition", Integer, primary_key=True),
    Column("next_offset", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Event ids a consumer group has handled: a message published twice changes nothing.
inbox = Table(
    "inbox",
    metadata,
    Column("group_id", Text, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("inbox_processed_at_idx", "processed_at"),
)

# How far each relay has published the log to Kafka.
relay_positions = Table(
    "relay_positions",
    metadata,
    Column("name", Text, primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
