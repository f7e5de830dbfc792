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
from sqlalchemy.types import UserDefinedType

from shared.schema import metadata


class Xid8(UserDefinedType):
    """PostgreSQL's 64-bit transaction id (never wraps around); asyncpg reads and writes it as int."""

    cache_ok = True

    def get_col_spec(self, **_: object) -> str:
        return "XID8"


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
    # The appending transaction; followers read in (transaction_id, position) order (see store.py).
    Column("transaction_id", Xid8, nullable=False, server_default=text("pg_current_xact_id()")),
    UniqueConstraint("stream_id", "stream_version", name="events_stream_version_key"),
    Index("events_correlation_idx", "correlation_id"),
    Index("events_stream_position_idx", "stream_id", "position"),
    Index("events_subject_idx", "subject", postgresql_where=text("subject IS NOT NULL")),
    Index("events_time_idx", "time"),
    Index("events_transaction_position_idx", "transaction_id", "position"),
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

# How far each relay has published the log to Kafka: the cursor (transaction_id, position) of the
# last event it published.
relay_positions = Table(
    "relay_positions",
    metadata,
    Column("name", Text, primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("transaction_id", Xid8, nullable=False, server_default=text("'0'")),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
