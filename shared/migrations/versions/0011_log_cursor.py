"""Followers of the log read by (transaction id, position): each event records its transaction.

Events appended before this revision get transaction id 0: they were appended under the log's
exclusive lock, so their position order is their commit order, and 0 puts them before every
later event. A relay's stored position p becomes the cursor (0, p), which names the same place
in the log, so a relay resumes where it stopped.

Revision ID: 0011_log_cursor
Revises: 0010_incidents
"""

from shared.migrations.sql import execute_script

revision = "0011_log_cursor"
down_revision = "0010_incidents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE events ADD COLUMN transaction_id xid8 NOT NULL DEFAULT '0';
        ALTER TABLE events ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id();
        CREATE INDEX events_transaction_position_idx ON events (transaction_id, position);
        ALTER TABLE relay_positions ADD COLUMN transaction_id xid8 NOT NULL DEFAULT '0';
        """
    )


def downgrade() -> None:
    execute_script(
        """
        ALTER TABLE relay_positions DROP COLUMN transaction_id;
        DROP INDEX events_transaction_position_idx;
        ALTER TABLE events DROP COLUMN transaction_id;
        """
    )
