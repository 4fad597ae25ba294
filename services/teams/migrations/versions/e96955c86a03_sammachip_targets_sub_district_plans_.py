"""sammachip targets, sub-district plans, otop products and group reports

Revision ID: e96955c86a03
Revises: 8f3a61c2d4e7
Create Date: 2026-12-02 08:09:28.135762
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables


revision: str = 'e96955c86a03'
down_revision: str | None = '8f3a61c2d4e7'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('community_plans',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tambon_code', sa.String(length=6), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('livelihood_development', sa.Boolean(), nullable=False),
    sa.Column('adopted_by_local_government', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('recorded_by', sa.String(length=36), nullable=False),
    sa.Column('recorded_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_plans')),
    sa.UniqueConstraint('tambon_code', 'fiscal_year', name='uq_community_plans_tambon_code_year')
    )
    op.create_table('sammachip_targets',
    sa.Column('area_code', sa.String(length=4), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('villages_with_trainer_team', sa.Integer(), nullable=True),
    sa.Column('households_trained', sa.Integer(), nullable=True),
    sa.Column('occupation_groups_formed', sa.Integer(), nullable=True),
    sa.Column('villages_with_registered_group', sa.Integer(), nullable=True),
    sa.Column('groups_with_otop_product', sa.Integer(), nullable=True),
    sa.Column('subdistrict_plans_used', sa.Integer(), nullable=True),
    sa.Column('groups_operating_with_income', sa.Integer(), nullable=True),
    sa.Column('set_by', sa.String(length=36), nullable=False),
    sa.Column('set_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('area_code', 'fiscal_year', name=op.f('pk_sammachip_targets'))
    )
    op.create_table('group_reports',
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('period', sa.Date(), nullable=False),
    sa.Column('village_code', sa.String(length=8), nullable=False),
    sa.Column('operating', sa.Boolean(), nullable=False),
    sa.Column('income_satang', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('reported_by', sa.String(length=36), nullable=False),
    sa.Column('reported_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['occupation_groups.id'], name=op.f('fk_group_reports_group_id_occupation_groups')),
    sa.PrimaryKeyConstraint('group_id', 'period', name=op.f('pk_group_reports'))
    )
    with op.batch_alter_table('group_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_reports_village_code'), ['village_code'], unique=False)

    op.create_table('otop_products',
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('stars', sa.Integer(), nullable=True),
    sa.Column('recorded_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['occupation_groups.id'], name=op.f('fk_otop_products_group_id_occupation_groups')),
    sa.PrimaryKeyConstraint('group_id', name=op.f('pk_otop_products'))
    )


def downgrade() -> None:
    op.drop_table('otop_products')
    with op.batch_alter_table('group_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_reports_village_code'))

    op.drop_table('group_reports')
    op.drop_table('sammachip_targets')
    op.drop_table('community_plans')
