"""national IDs in their canonical form (13 ASCII digits)

Revision ID: 8f3a61c2d4e7
Revises: d545cae94ef6
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

from alembic import op

from infra.national_id_migration import canonicalise_national_ids

revision: str = "8f3a61c2d4e7"
down_revision: str | None = "d545cae94ef6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    canonicalise_national_ids(op.get_bind(), "people")


def downgrade() -> None:
    pass  # the canonical form is a valid spelling of every ID: nothing to undo
