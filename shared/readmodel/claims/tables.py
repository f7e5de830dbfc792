"""Claims (one row per claim, however many outlets carried it) and every observation of each."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, Table, Text, text
from sqlalchemy.dialects.postgresql import JSONB

from shared.schema import metadata

claims = Table(
    "claims",
    metadata,
    Column("claim_id", Text, primary_key=True),
    Column("identity_key", Text, nullable=False),
    Column("series_key", Text, nullable=False),
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
    Column("basis", Text),
    Column("language", Text),
    Column("claimant_party", Text),
    Column("context", Text),
    Column("conflict", Text),
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
    Index("claims_first_observed_idx", "first_observed_at"),
    Index("claims_first_observed_key_idx", "first_observed_at", "claim_id"),
    Index("claims_identity_key_idx", "identity_key"),
    Index("claims_refers_to_idx", "refers_to", postgresql_where=text("refers_to IS NOT NULL")),
    Index("claims_series_key_idx", "series_key"),
    Index("claims_story_idx", "story_id"),
    Index("claims_context_idx", "context", "first_observed_at"),
    Index("claims_conflict_idx", "conflict", "first_observed_at", postgresql_where=text("conflict IS NOT NULL")),
    Index("claims_claimant_party_idx", "claimant_party", postgresql_where=text("claimant_party IS NOT NULL")),
)

claim_observations = Table(
    "claim_observations",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("claim_id", Text, nullable=False),
    Column("novelty", Text, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("item_event_id", Text, nullable=False),
    Column("source_id", Text, nullable=False),
    Column("source_url", Text),
    Column("sentence", Text, nullable=False),
    Column("observed_at", DateTime(timezone=True), nullable=False),
    Index("claim_observations_claim_idx", "claim_id"),
    Index("claim_observations_story_idx", "story_id", "claim_id"),
)
