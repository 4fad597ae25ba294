"""national IDs in their canonical form (13 ASCII digits)

Revision ID: 5c1e0a7d3b92
Revises: 3a9bd2f2b7bc
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

from alembic import op

from infra.national_id_migration import canonicalise_national_ids

revision: str = "5c1e0a7d3b92"
down_revision: str | None = "3a9bd2f2b7bc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    canonicalise_national_ids(op.get_bind(), "household_members", counted="active")


def downgrade() -> None:
    pass  # the canonical form is a valid spelling of every ID: nothing to undo
