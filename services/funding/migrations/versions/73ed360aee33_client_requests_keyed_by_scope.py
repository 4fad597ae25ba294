"""client requests keyed by scope (infra.client_requests)

The table becomes infra's: its `group_id` column is now `scope` (the group's id is the scope of a
funding key), wide enough for any scope. Rows keep their fingerprints and answers: infra's
ClientKey fingerprints a request exactly as funding's did, so keys taken before still replay.

Revision ID: 73ed360aee33
Revises: e3bf53bf5dc3
Create Date: 2026-12-04 19:50:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '73ed360aee33'
down_revision: str | None = 'e3bf53bf5dc3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('client_requests', schema=None) as batch_op:
        batch_op.alter_column(
            'group_id',
            new_column_name='scope',
            existing_type=sa.String(length=36),
            type_=sa.String(length=100),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('client_requests', schema=None) as batch_op:
        batch_op.alter_column(
            'scope',
            new_column_name='group_id',
            existing_type=sa.String(length=100),
            type_=sa.String(length=36),
            existing_nullable=False,
        )
