"""What a claim is about and who stands behind it: its language, its basis (a running total or the
day's increment), the party its claimant speaks for, its context (armed conflict, crime, disease…)
and the conflict it belongs to.

Revision ID: 0008_claim_party_context
Revises: 0007_api_claims
"""

from shared.migrations.sql import execute_script

revision = "0008_claim_party_context"
down_revision = "0007_api_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE claims
            ADD COLUMN basis text CHECK (basis IN ('total', 'increment')),
            ADD COLUMN language text,
            ADD COLUMN claimant_party text,
            ADD COLUMN context text,
            ADD COLUMN conflict text;
        CREATE INDEX claims_context_idx ON claims (context, first_observed_at);
        CREATE INDEX claims_conflict_idx ON claims (conflict, first_observed_at) WHERE conflict IS NOT NULL;
        CREATE INDEX claims_claimant_party_idx ON claims (claimant_party) WHERE claimant_party IS NOT NULL
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP INDEX claims_claimant_party_idx;
        DROP INDEX claims_conflict_idx;
        DROP INDEX claims_context_idx;
        ALTER TABLE claims DROP COLUMN conflict, DROP COLUMN context, DROP COLUMN claimant_party,
            DROP COLUMN language, DROP COLUMN basis
        """
    )
