"""household upkeep: members who left stay as history, households that moved away say when

Revision ID: 20bcb73fa112
Revises: b48a69ea3d24
Create Date: 2026-12-04 22:40:06.113288
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20bcb73fa112"
down_revision: str | None = "b48a69ea3d24"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("household_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("left_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("left_reason", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("moved_to", sa.String(length=36), nullable=True))
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.add_column(sa.Column("moved_away_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("moved_to_area", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_column("moved_to_area")
        batch_op.drop_column("moved_away_on")
    with op.batch_alter_table("household_members", schema=None) as batch_op:
        batch_op.drop_column("moved_to")
        batch_op.drop_column("left_reason")
        batch_op.drop_column("left_on")
