"""outside systems subscribe: system subscriptions and the event log

Revision ID: fff984d6f274
Revises: 3f2a9c7d1e54
Create Date: 2026-12-04 22:47:43.721944
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables


revision: str = 'fff984d6f274'
down_revision: str | None = '3f2a9c7d1e54'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('event_log',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('occurred_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('correlation_id', sa.String(length=100), nullable=True),
    sa.Column('area_code', sa.String(length=8), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('personal', sa.JSON(), nullable=False),
    sa.Column('logged_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_event_log')),
    sa.UniqueConstraint('event_id', name=op.f('uq_event_log_event_id'))
    )
    with op.batch_alter_table('event_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_log_area_code'), ['area_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_log_logged_at'), ['logged_at'], unique=False)

    op.create_table('system_subscriptions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('secret', sa.String(length=100), nullable=False),
    sa.Column('event_types', sa.JSON(), nullable=False),
    sa.Column('areas', sa.JSON(), nullable=False),
    sa.Column('personal_data', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_system_subscriptions'))
    )


def downgrade() -> None:
    op.drop_table('system_subscriptions')
    with op.batch_alter_table('event_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_log_logged_at'))
        batch_op.drop_index(batch_op.f('ix_event_log_area_code'))

    op.drop_table('event_log')
