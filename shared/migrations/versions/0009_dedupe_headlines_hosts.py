"""Dedupe against boilerplate: whether an entry's text is about its headline, headline keys with
their source, and each host's repeated lines (tables: services/dedupe/index/tables.py).

Revision ID: 0009_dedupe_headlines_hosts
Revises: 0008_claim_party_context
"""

from shared.migrations.sql import execute_script

revision = "0009_dedupe_headlines_hosts"
down_revision = "0008_claim_party_context"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE dedupe_entry
            ADD COLUMN anchored boolean NOT NULL DEFAULT true,
            ADD COLUMN title_key bigint;
        ALTER TABLE dedupe_exact ADD COLUMN source_key bigint;
        CREATE TABLE dedupe_host (
            host text PRIMARY KEY,
            item_count integer NOT NULL
        );
        CREATE TABLE dedupe_host_line (
            host text NOT NULL,
            line_key bigint NOT NULL,
            item_count integer NOT NULL,
            last_seen timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (host, line_key)
        );
        CREATE INDEX ix_dedupe_host_line_last_seen ON dedupe_host_line (last_seen)
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP TABLE dedupe_host_line;
        DROP TABLE dedupe_host;
        ALTER TABLE dedupe_exact DROP COLUMN source_key;
        ALTER TABLE dedupe_entry DROP COLUMN title_key, DROP COLUMN anchored
        """
    )
