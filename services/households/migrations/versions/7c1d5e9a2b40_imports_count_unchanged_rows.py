"""imports count the rows whose household already held their values (unchanged)

Revision ID: 7c1d5e9a2b40
Revises: baecc8bda70d
Create Date: 2026-12-02 05:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '7c1d5e9a2b40'
down_revision: str | None = 'baecc8bda70d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('bmn_imports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unchanged', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('bmn_imports', schema=None) as batch_op:
        batch_op.drop_column('unchanged')
