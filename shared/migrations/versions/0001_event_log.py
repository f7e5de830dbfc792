"""The event log and the tables that track who has read it.

Revision ID: 0001_event_log
Revises:
"""

from shared.migrations.sql import execute_script

revision = "0001_event_log"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE events (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id uuid NOT NULL UNIQUE,
            stream_id text NOT NULL,
            stream_version integer NOT NULL CHECK (stream_version > 0),
            type text NOT NULL,
            version smallint NOT NULL,
            source text NOT NULL,
            subject text,
            time timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            correlation_id text,
            causation_id text,
            data jsonb NOT NULL,
            CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
        );
        CREATE INDEX events_type_position_idx ON events (type, position);
        CREATE INDEX events_subject_idx ON events (subject) WHERE subject IS NOT NULL;
        CREATE INDEX events_correlation_idx ON events (correlation_id);
        CREATE INDEX events_time_idx ON events (time);

        CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the events table is append-only';
        END $$;
        CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
            FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
        CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
            FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable();

        CREATE TABLE consumer_offsets (
            group_id text NOT NULL,
            topic text NOT NULL,
            partition integer NOT NULL,
            next_offset bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_id, topic, partition)
        );
        CREATE TABLE inbox (
            group_id text NOT NULL,
            event_id text NOT NULL,
            processed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (group_id, event_id)
        );
        CREATE INDEX inbox_processed_at_idx ON inbox (processed_at);
        CREATE TABLE relay_positions (
            name text PRIMARY KEY,
            position bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP TABLE relay_positions, inbox, consumer_offsets;
        DROP TABLE events;
        DROP FUNCTION events_are_immutable();
        """
    )
