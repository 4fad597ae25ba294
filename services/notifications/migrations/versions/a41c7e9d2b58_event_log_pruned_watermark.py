"""event log: the highest cursor pruned, so a replay from an earlier one is refused (410)

Revision ID: a41c7e9d2b58
Revises: d93a6e4c1f57
Create Date: 2026-12-05 05:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a41c7e9d2b58"
down_revision: str | None = "d93a6e4c1f57"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_log_pruned",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column(
            "through_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_log_pruned")),
    )


def downgrade() -> None:
    op.drop_table("event_log_pruned")
