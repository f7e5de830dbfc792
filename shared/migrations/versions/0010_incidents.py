"""Incidents: the second tier above stories. Dedupe's incident index (services/dedupe/incidents/
tables.py), the `incidents` and `incident_stories` projections (shared/readmodel/incidents/), and the
incident of each queued alert, so a subscription can get one alert per incident.

Revision ID: 0010_incidents
Revises: 0009_dedupe_headlines_hosts
"""

from shared.migrations.sql import execute_script

revision = "0010_incidents"
down_revision = "0009_dedupe_headlines_hosts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE dedupe_incident (
            incident_id text PRIMARY KEY,
            profile jsonb NOT NULL,
            languages jsonb NOT NULL,
            follow_ups jsonb NOT NULL,
            first_time timestamptz NOT NULL,
            last_time timestamptz NOT NULL,
            story_count integer NOT NULL,
            merged_into text,
            filed_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ix_dedupe_incident_last_time ON dedupe_incident (last_time);
        CREATE TABLE dedupe_incident_key (
            key bigint NOT NULL,
            time timestamptz NOT NULL,
            incident_id text NOT NULL,
            PRIMARY KEY (key, time, incident_id)
        );
        CREATE INDEX ix_dedupe_incident_key_time ON dedupe_incident_key (time);
        CREATE TABLE dedupe_incident_story (
            story_id text PRIMARY KEY,
            incident_id text NOT NULL,
            report jsonb NOT NULL,
            time timestamptz NOT NULL
        );
        CREATE INDEX ix_dedupe_incident_story_time ON dedupe_incident_story (time);
        CREATE TABLE dedupe_incident_df (
            key bigint NOT NULL,
            day date NOT NULL,
            stories integer NOT NULL,
            PRIMARY KEY (key, day)
        );
        CREATE INDEX ix_dedupe_incident_df_day ON dedupe_incident_df (day);
        CREATE TABLE dedupe_incident_day (
            day date PRIMARY KEY,
            stories integer NOT NULL
        );

        CREATE TABLE incidents (
            incident_id text PRIMARY KEY,
            title text NOT NULL,
            language text,
            opened_at timestamptz NOT NULL,
            first_reported_at timestamptz NOT NULL,
            last_reported_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            story_count integer NOT NULL,
            merged_into text
        );
        CREATE INDEX incidents_opened_key_idx ON incidents (opened_at, incident_id);
        CREATE INDEX incidents_merged_into_idx ON incidents (merged_into);
        CREATE TABLE incident_stories (
            story_id text PRIMARY KEY,
            incident_id text NOT NULL,
            joined_at timestamptz NOT NULL,
            reported_at timestamptz NOT NULL,
            title text NOT NULL,
            language text,
            score double precision
        );
        CREATE INDEX incident_stories_incident_idx ON incident_stories (incident_id, reported_at);

        ALTER TABLE deliveries ADD COLUMN incident_id text;
        CREATE INDEX deliveries_subscription_incident_idx ON deliveries (subscription_id, incident_id)
            WHERE incident_id IS NOT NULL
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP INDEX deliveries_subscription_incident_idx;
        ALTER TABLE deliveries DROP COLUMN incident_id;
        DROP TABLE incident_stories;
        DROP TABLE incidents;
        DROP TABLE dedupe_incident_day;
        DROP TABLE dedupe_incident_df;
        DROP TABLE dedupe_incident_story;
        DROP TABLE dedupe_incident_key;
        DROP TABLE dedupe_incident
        """
    )
