"""Claims, subscriptions (and their secrets), and the webhook delivery queue.

Revision ID: 0003_alerts
Revises: 0002_feeds_and_stories
"""

from shared.migrations.sql import execute_script

revision = "0003_alerts"
down_revision = "0002_feeds_and_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE claims (
            claim_id text PRIMARY KEY,
            identity_key text NOT NULL,
            series_key text NOT NULL,
            kind text NOT NULL,
            category text NOT NULL,
            subject text,
            count_min integer,
            count_max integer,
            approximate boolean NOT NULL,
            side text,
            claimant text,
            parties jsonb NOT NULL DEFAULT '[]',
            historical boolean NOT NULL,
            place text,
            date text,
            mediator text,
            novelty text NOT NULL,
            refers_to text,
            sentence text NOT NULL,
            story_id text NOT NULL,
            first_event_id text NOT NULL,
            published_at timestamptz NOT NULL,
            first_observed_at timestamptz NOT NULL,
            last_observed_at timestamptz NOT NULL,
            observation_count integer NOT NULL,
            source_count integer NOT NULL
        );
        CREATE INDEX claims_identity_key_idx ON claims (identity_key);
        CREATE INDEX claims_series_key_idx ON claims (series_key);
        CREATE INDEX claims_first_observed_idx ON claims (first_observed_at);
        CREATE INDEX claims_story_idx ON claims (story_id);

        CREATE TABLE claim_observations (
            event_id text PRIMARY KEY,
            claim_id text NOT NULL,
            novelty text NOT NULL,
            story_id text NOT NULL,
            item_event_id text NOT NULL,
            source_id text NOT NULL,
            source_url text,
            sentence text NOT NULL,
            observed_at timestamptz NOT NULL
        );
        CREATE INDEX claim_observations_claim_idx ON claim_observations (claim_id);

        CREATE TABLE subscriptions (
            subscription_id text PRIMARY KEY,
            url text NOT NULL,
            description text,
            filters jsonb NOT NULL,
            enabled boolean NOT NULL,
            disabled_reason text,
            key_id text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            deleted_at timestamptz,
            version integer NOT NULL
        );

        CREATE TABLE subscription_secrets (
            subscription_id text NOT NULL,
            key_id text NOT NULL,
            secret text NOT NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz,
            PRIMARY KEY (subscription_id, key_id)
        );

        CREATE TABLE deliveries (
            delivery_id text PRIMARY KEY,
            message_id text NOT NULL UNIQUE,
            subscription_id text NOT NULL,
            claim_id text NOT NULL,
            claim_event_id text NOT NULL,
            story_id text NOT NULL,
            payload jsonb NOT NULL,
            status text NOT NULL,
            attempts integer NOT NULL,
            round_attempts integer NOT NULL,
            next_attempt_at timestamptz,
            last_attempt_at timestamptz,
            last_status_code smallint,
            last_error text,
            queued_at timestamptz NOT NULL,
            claim_observed_at timestamptz NOT NULL,
            delivered_at timestamptz,
            dead_lettered_at timestamptz,
            leased_until timestamptz,
            lease_owner text,
            CONSTRAINT deliveries_subscription_claim_key UNIQUE (subscription_id, claim_id)
        );
        CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX deliveries_dead_idx ON deliveries (subscription_id) WHERE status = 'dead_lettered';
        CREATE INDEX deliveries_claim_idx ON deliveries (claim_id);

        CREATE TABLE delivery_attempts (
            event_id text PRIMARY KEY,
            delivery_id text NOT NULL,
            attempt integer NOT NULL,
            url text NOT NULL,
            status_code smallint,
            latency_ms double precision NOT NULL,
            error text,
            outcome text NOT NULL,
            attempted_at timestamptz NOT NULL
        );
        CREATE INDEX delivery_attempts_delivery_idx ON delivery_attempts (delivery_id);
        """
    )


def downgrade() -> None:
    execute_script(
        "DROP TABLE delivery_attempts, deliveries, subscription_secrets, subscriptions, claim_observations, claims"
    )
