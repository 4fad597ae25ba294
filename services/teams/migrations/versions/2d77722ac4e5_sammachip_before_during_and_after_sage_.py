"""sammachip before, during and after: sage survey, lead-trainer courses, willingness,
follow-ups, results after training, model households

Revision ID: 2d77722ac4e5
Revises: b71e4c2a9d35
Create Date: 2026-12-04 23:04:42.219769
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables


revision: str = '2d77722ac4e5'
down_revision: str | None = 'b71e4c2a9d35'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('community_sages',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('phone', sa.String(length=16), nullable=True),
    sa.Column('surveyed_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_sages'))
    )
    with op.batch_alter_table('community_sages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_sages_village_code'), ['village_code'], unique=False)

    op.create_table('lead_trainer_courses',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('area_code', sa.String(length=4), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('participants', sa.JSON(), nullable=False),
    sa.Column('recorded_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_trainer_courses'))
    )
    with op.batch_alter_table('lead_trainer_courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_trainer_courses_area_code'), ['area_code'], unique=False)

    op.create_table('model_households',
    sa.Column('district_code', sa.String(length=4), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('selected_on', sa.Date(), nullable=False),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('selected_by', sa.String(length=36), nullable=False),
    sa.Column('selected_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('district_code', 'fiscal_year', name=op.f('pk_model_households'))
    )
    op.create_table('cohort_follow_ups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('cohort_id', sa.String(length=36), nullable=False),
    sa.Column('phase', sa.String(length=10), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=2000), nullable=False),
    sa.Column('recorded_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('done_by', sa.String(length=36), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_follow_ups_cohort_id_cohorts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_follow_ups'))
    )
    with op.batch_alter_table('cohort_follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_follow_ups_cohort_id'), ['cohort_id'], unique=False)

    op.create_table('cohort_willingness',
    sa.Column('cohort_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('willing', sa.Boolean(), nullable=False),
    sa.Column('asked_by', sa.String(length=36), nullable=False),
    sa.Column('asked_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=36), nullable=False),
    sa.Column('recorded_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_willingness_cohort_id_cohorts')),
    sa.PrimaryKeyConstraint('cohort_id', 'household_id', name=op.f('pk_cohort_willingness'))
    )
    op.create_table('follow_up_notices',
    sa.Column('subject_id', sa.String(length=36), nullable=False),
    sa.Column('cohort_id', sa.String(length=36), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('detected_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_follow_up_notices_cohort_id_cohorts')),
    sa.PrimaryKeyConstraint('subject_id', name=op.f('pk_follow_up_notices'))
    )
    with op.batch_alter_table('follow_up_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_notices_cohort_id'), ['cohort_id'], unique=False)

    op.create_table('training_results',
    sa.Column('cohort_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('village_code', sa.String(length=8), nullable=False),
    sa.Column('occupation', sa.String(length=200), nullable=False),
    sa.Column('income_earned_satang', sa.BigInteger(), nullable=False),
    sa.Column('costs_cut_satang', sa.BigInteger(), nullable=False),
    sa.Column('recorded_by', sa.String(length=36), nullable=False),
    sa.Column('recorded_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_training_results_cohort_id_cohorts')),
    sa.PrimaryKeyConstraint('cohort_id', 'household_id', 'months', name=op.f('pk_training_results'))
    )
    with op.batch_alter_table('training_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_results_village_code'), ['village_code'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('training_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_results_village_code'))

    op.drop_table('training_results')
    with op.batch_alter_table('follow_up_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_notices_cohort_id'))

    op.drop_table('follow_up_notices')
    op.drop_table('cohort_willingness')
    with op.batch_alter_table('cohort_follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_follow_ups_cohort_id'))

    op.drop_table('cohort_follow_ups')
    op.drop_table('model_households')
    with op.batch_alter_table('lead_trainer_courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lead_trainer_courses_area_code'))

    op.drop_table('lead_trainer_courses')
    with op.batch_alter_table('community_sages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_sages_village_code'))

    op.drop_table('community_sages')
