"""What the ingest scheduler keeps per source beyond the first fetch state.

Revision ID: 0005_ingest_state
Revises: 0004_api
"""

from shared.migrations.sql import execute_script

revision = "0005_ingest_state"
down_revision = "0004_api"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE feed_fetch_state
            ADD COLUMN last_error_kind text,
            ADD COLUMN last_warning text,
            ADD COLUMN failing_since timestamptz,
            ADD COLUMN recent_published timestamptz[] NOT NULL DEFAULT '{}',
            ADD COLUMN content_hash text,
            ADD COLUMN lease_id text
        """
    )


def downgrade() -> None:
    execute_script(
        """
        ALTER TABLE feed_fetch_state
            DROP COLUMN last_error_kind,
            DROP COLUMN last_warning,
            DROP COLUMN failing_since,
            DROP COLUMN recent_published,
            DROP COLUMN content_hash,
            DROP COLUMN lease_id
        """
    )
