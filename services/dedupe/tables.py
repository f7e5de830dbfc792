"""Stories and the items each one gathered (projections of story events)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, Table, Text

metadata = MetaData()

stories = Table(
    "stories",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("language", Text),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("earliest_published_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("item_count", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
)

story_items = Table(
    "story_items",
    metadata,
    Column("item_event_id", Text, primary_key=True),
    Column("story_id", Text, nullable=False, index=True),
    Column("item_stream_id", Text, nullable=False, unique=True),
    Column("source_id", Text, nullable=False),
    Column("source_owner", Text),
    Column("source_country", Text),
    Column("url", Text, index=True),
    Column("title", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("method", Text),
    Column("similarity", Float),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)
