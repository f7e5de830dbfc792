"""Indexes behind the claims API: claims newest first, and the claims observed in a story.

Revision ID: 0007_api_claims
Revises: 0006_dedupe_index
"""

from shared.migrations.sql import execute_script

revision = "0007_api_claims"
down_revision = "0006_dedupe_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE INDEX claims_first_observed_key_idx ON claims (first_observed_at, claim_id);
        CREATE INDEX claims_refers_to_idx ON claims (refers_to) WHERE refers_to IS NOT NULL;
        CREATE INDEX claim_observations_story_idx ON claim_observations (story_id, claim_id);
        CREATE INDEX deliveries_subscription_queued_idx ON deliveries (subscription_id, queued_at, delivery_id);
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP INDEX deliveries_subscription_queued_idx;
        DROP INDEX claim_observations_story_idx;
        DROP INDEX claims_refers_to_idx;
        DROP INDEX claims_first_observed_key_idx;
        """
    )
