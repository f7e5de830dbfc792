"""Stories and the items each one gathered (projections of story events)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, Table, Text

from shared.schema import metadata

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
    Index("stories_first_seen_idx", "first_seen_at"),
    Index("stories_first_seen_key_idx", "first_seen_at", "story_id"),
    Index("stories_title_trgm_idx", "title", postgresql_using="gin", postgresql_ops={"title": "gin_trgm_ops"}),
)

story_items = Table(
    "story_items",
    metadata,
    Column("item_event_id", Text, primary_key=True),
    Column("story_id", Text, nullable=False),
    Column("item_stream_id", Text, nullable=False, unique=True),
    Column("source_id", Text, nullable=False),
    Column("source_owner", Text),
    Column("source_country", Text),
    Column("url", Text),
    Column("title", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("method", Text),
    Column("similarity", Float),
    Column("merged_at", DateTime(timezone=True), nullable=False),
    Index("story_items_country_idx", "source_country", "story_id"),
    Index("story_items_source_idx", "source_id", "story_id"),
    Index("story_items_story_idx", "story_id"),
    Index("story_items_url_idx", "url"),
)
