"""The feed registry projection and each source's fetch state."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, Integer, Table, Text, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from shared.schema import metadata

feeds = Table(
    "feeds",
    metadata,
    Column("feed_id", Text, primary_key=True),
    Column("url", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("title", Text),
    Column("owner", Text),
    Column("country", Text),
    Column("language", Text),
    Column("official", Boolean, nullable=False, default=False),
    Column("min_interval_s", Integer, nullable=False),
    Column("max_interval_s", Integer, nullable=False),
    Column("fetch_full_text", Boolean, nullable=False, default=False),
    Column("config", JSONB, nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("removed_at", DateTime(timezone=True)),
    Column("version", Integer, nullable=False),
    Index("feeds_active_url_key", "url", unique=True, postgresql_where=text("removed_at IS NULL")),
    Index("feeds_registered_key_idx", "registered_at", "feed_id"),
)

# Operational state of fetching, not derived from events: rewritten on every fetch. While an
# instance fetches a source, `lease_id` names its claim and `next_check_at` is the claim's end.
feed_fetch_state = Table(
    "feed_fetch_state",
    metadata,
    Column("feed_id", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_status", Text),
    Column("last_error", Text),
    Column("last_fetched_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("consecutive_failures", Integer, nullable=False, server_default="0"),
    Column("next_check_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("healthy", Boolean, nullable=False, server_default="true"),
    Column("items_seen", BigInteger, nullable=False, server_default="0"),
    Column("newest_item_at", DateTime(timezone=True)),
    Column("last_error_kind", Text),
    Column("last_warning", Text),
    Column("failing_since", DateTime(timezone=True)),
    Column("recent_published", ARRAY(DateTime(timezone=True)), nullable=False, server_default="{}"),
    Column("content_hash", Text),
    Column("lease_id", Text),
    Index("feed_fetch_state_next_check_idx", "next_check_at"),
)
