"""Incidents and the stories each one gathered (projections of incident events)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, Table, Text

from shared.schema import metadata

incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("language", Text),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("first_reported_at", DateTime(timezone=True), nullable=False),
    Column("last_reported_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("story_count", Integer, nullable=False),
    Column("merged_into", Text),  # set when merged into another incident: its stories are there now
    Index("incidents_opened_key_idx", "opened_at", "incident_id"),
    Index("incidents_merged_into_idx", "merged_into"),
)

incident_stories = Table(
    "incident_stories",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("incident_id", Text, nullable=False),
    Column("joined_at", DateTime(timezone=True), nullable=False),
    Column("reported_at", DateTime(timezone=True), nullable=False),
    Column("title", Text, nullable=False),
    Column("language", Text),
    Column("score", Float),  # how strongly the story matched when it joined (none for the opener)
    Index("incident_stories_incident_idx", "incident_id", "reported_at"),
)
