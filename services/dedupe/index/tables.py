"""The story index's tables, written by migration 0006 and compared with it by a test:

- ``dedupe_entry`` — one row per indexed item: its story, signatures, SimHash,
  time (the item's) and when it was filed. ``item_key`` is unique: the same source entry is filed once.
- ``dedupe_band`` — ``(band_no, band_hash) → entry``, with the entry's time so
  a lookup reads the newest rows of a bucket from the index alone. Band
  numbers 0-31 are the LSH bands of the signature, 32-47 those of the lead,
  64-67 the SimHash block tables.
- ``dedupe_exact`` — ``(kind, key) → story`` for item keys, canonical URLs,
  normalised-text hashes and headlines (``title`` for every item with one, ``headline``
  for headline-only items, each with its source); the primary key makes a second claim a no-op.
- ``dedupe_story_fact`` — the union of a story's numbers, dates and places.
- ``dedupe_host`` / ``dedupe_host_line`` — how many items each host had, and in how many of
  them each line occurred: the host's boilerplate (``shared/text/boilerplate.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    SmallInteger,
    Table,
    Text,
    func,
    true,
)

from shared.schema import metadata

dedupe_entry = Table(
    "dedupe_entry",
    metadata,
    Column("entry_id", BigInteger, primary_key=True, autoincrement=True),
    Column("item_key", BigInteger, nullable=False, unique=True),
    Column("story_id", Text, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("lead_signature", LargeBinary),
    Column("size", Integer, nullable=False),
    Column("simhash", BigInteger, nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("filed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("anchored", Boolean, nullable=False, server_default=true()),
    Column("title_key", BigInteger),
    Index("ix_dedupe_entry_story", "story_id"),
    Index("ix_dedupe_entry_time", "time"),
    Index("ix_dedupe_entry_filed_at", "filed_at"),
)

dedupe_band = Table(
    "dedupe_band",
    metadata,
    Column("band_no", SmallInteger, nullable=False),
    Column("band_hash", BigInteger, nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("entry_id", BigInteger, ForeignKey("dedupe_entry.entry_id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("band_no", "band_hash", "time", "entry_id"),
    Index("ix_dedupe_band_entry", "entry_id"),
)

EXACT_KINDS = ("item", "url", "text")
TITLE_KINDS = ("title", "headline")

dedupe_exact = Table(
    "dedupe_exact",
    metadata,
    Column("kind", Text, nullable=False),
    Column("key", BigInteger, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("filed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("source_key", BigInteger),
    PrimaryKeyConstraint("kind", "key"),
    Index("ix_dedupe_exact_time", "time"),
    Index("ix_dedupe_exact_filed_at", "filed_at"),
)

dedupe_story_fact = Table(
    "dedupe_story_fact",
    metadata,
    Column("story_id", Text, nullable=False),
    Column("fact", Text, nullable=False),
    PrimaryKeyConstraint("story_id", "fact"),
)

dedupe_host = Table(
    "dedupe_host",
    metadata,
    Column("host", Text, primary_key=True),
    Column("item_count", Integer, nullable=False),
)

dedupe_host_line = Table(
    "dedupe_host_line",
    metadata,
    Column("host", Text, nullable=False),
    Column("line_key", BigInteger, nullable=False),
    Column("item_count", Integer, nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("host", "line_key"),
    Index("ix_dedupe_host_line_last_seen", "last_seen"),
)

INDEX_TABLES = [dedupe_entry, dedupe_band, dedupe_exact, dedupe_story_fact, dedupe_host, dedupe_host_line]
