"""The incident index's tables, shared by every dedupe instance (migration 0010; a test compares):

- ``dedupe_incident`` — each incident's profile (``{key: [count, idf]}``: the summed keys of its stories), its languages,
  its follow-up kind, its time span and story count; ``merged_into`` once absorbed;
- ``dedupe_incident_key`` — ``key → incident`` postings with the filing story's time;
- ``dedupe_incident_story`` — each story's incident and report (for reassessing it);
- ``dedupe_incident_df`` / ``dedupe_incident_day`` — stories per key and per day: the rarity of keys.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Index, Integer, PrimaryKeyConstraint, Table, Text, func
from sqlalchemy.dialects.postgresql import JSONB

from shared.schema import metadata

dedupe_incident = Table(
    "dedupe_incident",
    metadata,
    Column("incident_id", Text, primary_key=True),
    Column("profile", JSONB, nullable=False),
    Column("languages", JSONB, nullable=False),
    Column("follow_ups", JSONB, nullable=False),
    Column("first_time", DateTime(timezone=True), nullable=False),
    Column("last_time", DateTime(timezone=True), nullable=False),
    Column("story_count", Integer, nullable=False),
    Column("merged_into", Text),
    Column("filed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_dedupe_incident_last_time", "last_time"),
)

dedupe_incident_key = Table(
    "dedupe_incident_key",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("incident_id", Text, nullable=False),
    PrimaryKeyConstraint("key", "time", "incident_id"),
    Index("ix_dedupe_incident_key_time", "time"),
)

dedupe_incident_story = Table(
    "dedupe_incident_story",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("incident_id", Text, nullable=False),
    Column("report", JSONB, nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Index("ix_dedupe_incident_story_time", "time"),
)

dedupe_incident_df = Table(
    "dedupe_incident_df",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column("day", Date, nullable=False),
    Column("stories", Integer, nullable=False),
    PrimaryKeyConstraint("key", "day"),
    Index("ix_dedupe_incident_df_day", "day"),
)

dedupe_incident_day = Table(
    "dedupe_incident_day",
    metadata,
    Column("day", Date, primary_key=True),
    Column("stories", Integer, nullable=False),
)

INCIDENT_TABLES = [dedupe_incident, dedupe_incident_key, dedupe_incident_story, dedupe_incident_df, dedupe_incident_day]
