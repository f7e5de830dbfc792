"""The dedupe story index, shared by every dedupe instance (tables: services/dedupe/index/tables.py).

Revision ID: 0006_dedupe_index
Revises: 0005_ingest_state
"""

from shared.migrations.sql import execute_script

revision = "0006_dedupe_index"
down_revision = "0005_ingest_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE dedupe_entry (
            entry_id bigserial PRIMARY KEY,
            item_key bigint NOT NULL UNIQUE,
            story_id text NOT NULL,
            signature bytea NOT NULL,
            lead_signature bytea,
            size integer NOT NULL,
            simhash bigint NOT NULL,
            time timestamptz NOT NULL,
            filed_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ix_dedupe_entry_story ON dedupe_entry (story_id);
        CREATE INDEX ix_dedupe_entry_time ON dedupe_entry (time);
        CREATE INDEX ix_dedupe_entry_filed_at ON dedupe_entry (filed_at);

        CREATE TABLE dedupe_band (
            band_no smallint NOT NULL,
            band_hash bigint NOT NULL,
            time timestamptz NOT NULL,
            entry_id bigint NOT NULL REFERENCES dedupe_entry (entry_id) ON DELETE CASCADE,
            PRIMARY KEY (band_no, band_hash, time, entry_id)
        );
        CREATE INDEX ix_dedupe_band_entry ON dedupe_band (entry_id);

        CREATE TABLE dedupe_exact (
            kind text NOT NULL,
            key bigint NOT NULL,
            story_id text NOT NULL,
            time timestamptz NOT NULL,
            filed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (kind, key)
        );
        CREATE INDEX ix_dedupe_exact_time ON dedupe_exact (time);
        CREATE INDEX ix_dedupe_exact_filed_at ON dedupe_exact (filed_at);

        CREATE TABLE dedupe_story_fact (
            story_id text NOT NULL,
            fact text NOT NULL,
            PRIMARY KEY (story_id, fact)
        )
        """
    )


def downgrade() -> None:
    execute_script("DROP TABLE dedupe_story_fact, dedupe_exact, dedupe_band, dedupe_entry")
