"""imports count their rows per tambon, for one summary per import when it ends

Revision ID: 8d2f4a6b1c37
Revises: 5c1e0a7d3b92
Create Date: 2026-12-02 05:30:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '8d2f4a6b1c37'
down_revision: str | None = '5c1e0a7d3b92'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('bmn_import_tambons',
    sa.Column('import_id', sa.String(length=36), nullable=False),
    sa.Column('tambon_code', sa.String(length=6), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['bmn_imports.id'], name=op.f('fk_bmn_import_tambons_import_id_bmn_imports')),
    sa.PrimaryKeyConstraint('import_id', 'tambon_code', name=op.f('pk_bmn_import_tambons'))
    )


def downgrade() -> None:
    op.drop_table('bmn_import_tambons')
