"""The feed registry, fetch state, and story projections.

Revision ID: 0002_feeds_and_stories
Revises: 0001_event_log
"""

from shared.migrations.sql import execute_script

revision = "0002_feeds_and_stories"
down_revision = "0001_event_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE feeds (
            feed_id text PRIMARY KEY,
            url text NOT NULL,
            kind text NOT NULL,
            title text,
            owner text,
            country text,
            language text,
            official boolean NOT NULL DEFAULT false,
            min_interval_s integer NOT NULL,
            max_interval_s integer NOT NULL,
            fetch_full_text boolean NOT NULL DEFAULT false,
            config jsonb NOT NULL DEFAULT '{}',
            registered_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            removed_at timestamptz,
            version integer NOT NULL
        );
        CREATE UNIQUE INDEX feeds_active_url_key ON feeds (url) WHERE removed_at IS NULL;

        CREATE TABLE feed_fetch_state (
            feed_id text PRIMARY KEY,
            etag text,
            last_modified text,
            last_status text,
            last_error text,
            last_fetched_at timestamptz,
            last_success_at timestamptz,
            consecutive_failures integer NOT NULL DEFAULT 0,
            next_check_at timestamptz NOT NULL DEFAULT now(),
            healthy boolean NOT NULL DEFAULT true,
            items_seen bigint NOT NULL DEFAULT 0,
            newest_item_at timestamptz
        );
        CREATE INDEX feed_fetch_state_next_check_idx ON feed_fetch_state (next_check_at);

        CREATE TABLE stories (
            story_id text PRIMARY KEY,
            title text NOT NULL,
            url text,
            language text,
            first_seen_at timestamptz NOT NULL,
            earliest_published_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            item_count integer NOT NULL,
            source_count integer NOT NULL
        );
        CREATE INDEX stories_first_seen_idx ON stories (first_seen_at);

        CREATE TABLE story_items (
            item_event_id text PRIMARY KEY,
            story_id text NOT NULL,
            item_stream_id text NOT NULL UNIQUE,
            source_id text NOT NULL,
            source_owner text,
            source_country text,
            url text,
            title text NOT NULL,
            published_at timestamptz NOT NULL,
            method text,
            similarity double precision,
            merged_at timestamptz NOT NULL
        );
        CREATE INDEX story_items_story_idx ON story_items (story_id);
        CREATE INDEX story_items_url_idx ON story_items (url);
        """
    )


def downgrade() -> None:
    execute_script("DROP TABLE story_items, stories, feed_fetch_state, feeds")
