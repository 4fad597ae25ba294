"""notification subjects longer than an id (an import summary is about `import_id:tambon`)

Revision ID: 3f2a9c7d1e54
Revises: 6df6e670b0b7
Create Date: 2026-12-02 04:45:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '3f2a9c7d1e54'
down_revision: str | None = '6df6e670b0b7'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column(
            'subject_id', existing_type=sa.String(length=36), type_=sa.String(length=80),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column(
            'subject_id', existing_type=sa.String(length=80), type_=sa.String(length=36),
            existing_nullable=False,
        )
