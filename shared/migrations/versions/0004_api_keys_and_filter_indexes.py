"""API keys, stored idempotent responses, and the indexes behind the API's filters.

Revision ID: 0004_api
Revises: 0003_alerts
"""

from shared.migrations.sql import execute_script

revision = "0004_api"
down_revision = "0003_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE api_keys (
            key_id text PRIMARY KEY,
            name text NOT NULL,
            scope text NOT NULL CHECK (scope IN ('read', 'admin')),
            key_hash text NOT NULL UNIQUE,
            key_prefix text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            revoked_at timestamptz
        );

        CREATE TABLE idempotency_keys (
            principal text NOT NULL,
            key text NOT NULL,
            request_hash text NOT NULL,
            status_code integer NOT NULL,
            headers jsonb NOT NULL,
            body bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (principal, key)
        );
        CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX stories_title_trgm_idx ON stories USING gin (title gin_trgm_ops);
        CREATE INDEX stories_first_seen_key_idx ON stories (first_seen_at, story_id);
        CREATE INDEX story_items_source_idx ON story_items (source_id, story_id);
        CREATE INDEX story_items_country_idx ON story_items (source_country, story_id);
        CREATE INDEX events_stream_position_idx ON events (stream_id, position);
        CREATE INDEX feeds_registered_key_idx ON feeds (registered_at, feed_id);
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP INDEX feeds_registered_key_idx;
        DROP INDEX events_stream_position_idx;
        DROP INDEX story_items_country_idx;
        DROP INDEX story_items_source_idx;
        DROP INDEX stories_first_seen_key_idx;
        DROP INDEX stories_title_trgm_idx;
        DROP TABLE idempotency_keys, api_keys;
        """
    )
