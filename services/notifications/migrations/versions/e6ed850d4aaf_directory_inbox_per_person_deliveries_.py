"""directory, inbox per person, deliveries, escalations, digests

Revision ID: e6ed850d4aaf
Revises: 4c105bf4d089
Create Date: 2026-11-21 10:15:37.406446
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables


revision: str = 'e6ed850d4aaf'
down_revision: str | None = '4c105bf4d089'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('deliveries',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('notification_id', sa.String(length=36), nullable=False),
    sa.Column('recipient_id', sa.String(length=36), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('dedupe_key', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('claimed_until', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=300), nullable=True),
    sa.Column('created_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliveries')),
    sa.UniqueConstraint('dedupe_key', 'recipient_id', 'channel', name=op.f('uq_deliveries_dedupe_key'))
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index('ix_deliveries_due', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_notification_id'), ['notification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_recipient_id'), ['recipient_id'], unique=False)

    op.create_table('digests',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('created_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('person_id', 'day', name=op.f('pk_digests'))
    )
    op.create_table('escalation_recipients',
    sa.Column('escalation_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('escalation_id', 'person_id', name=op.f('pk_escalation_recipients'))
    )
    with op.batch_alter_table('escalation_recipients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalation_recipients_person_id'), ['person_id'], unique=False)

    op.create_table('escalations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('area_code', sa.String(length=8), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('opens_at', infra.tables.UtcDateTime(timezone=True), nullable=False),
    sa.Column('opened_at', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.Column('level_since', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=36), nullable=True),
    sa.Column('acknowledged_at', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=36), nullable=True),
    sa.Column('resolved_at', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.Column('resolution_note', sa.Text(), nullable=True),
    sa.Column('closed_at', infra.tables.UtcDateTime(timezone=True), nullable=True),
    sa.Column('closed_by_event', sa.String(length=100), nullable=True),
    sa.Column('active_key', sa.String(length=120), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalations')),
    sa.UniqueConstraint('active_key', name=op.f('uq_escalations_active_key'))
    )
    with op.batch_alter_table('escalations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalations_area_code'), ['area_code'], unique=False)
        batch_op.create_index('ix_escalations_status', ['status', 'opens_at'], unique=False)

    op.create_table('household_teams',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('team_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('household_id', name=op.f('pk_household_teams'))
    )
    with op.batch_alter_table('household_teams', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_teams_team_id'), ['team_id'], unique=False)

    op.create_table('people',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('line_user_id', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('channels', sa.JSON(), nullable=True),
    sa.Column('quiet_start', sa.String(length=5), nullable=True),
    sa.Column('quiet_end', sa.String(length=5), nullable=True),
    sa.Column('digest', sa.Boolean(), nullable=False),
    sa.Column('webhook_url', sa.String(length=500), nullable=True),
    sa.Column('webhook_secret', sa.String(length=100), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_people'))
    )
    op.create_table('person_areas',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('area_code', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('person_id', 'area_code', name=op.f('pk_person_areas'))
    )
    with op.batch_alter_table('person_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_areas_area_code'), ['area_code'], unique=False)

    op.create_table('person_roles',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('person_id', 'role', name=op.f('pk_person_roles'))
    )
    with op.batch_alter_table('person_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_roles_role'), ['role'], unique=False)

    op.create_table('teams',
    sa.Column('team_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('coverage', sa.JSON(), nullable=False),
    sa.Column('volunteer_leader', sa.String(length=36), nullable=True),
    sa.Column('subdistrict_coordinator', sa.String(length=36), nullable=True),
    sa.Column('district_expert', sa.String(length=36), nullable=True),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('team_id', name=op.f('pk_teams'))
    )
    # The walking skeleton filed area-wide notifications addressed to nobody: they cannot be
    # given a recipient, so they go (an inbox now belongs to a person).
    op.execute(sa.text('DELETE FROM notifications'))
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recipient_id', sa.String(length=36), nullable=False))
        batch_op.add_column(sa.Column('dedupe_key', sa.String(length=120), nullable=False))
        batch_op.add_column(sa.Column('escalation_id', sa.String(length=36), nullable=True))
        batch_op.alter_column('title',
               existing_type=sa.VARCHAR(length=200),
               type_=sa.String(length=300),
               existing_nullable=False)
        batch_op.drop_index(batch_op.f('ix_notifications_area_code'))
        batch_op.drop_index(batch_op.f('ix_notifications_created_at'))
        batch_op.create_index('ix_notifications_inbox', ['recipient_id', 'created_at'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_notifications_dedupe_key'), ['dedupe_key', 'recipient_id'])



def downgrade() -> None:
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_notifications_dedupe_key'), type_='unique')
        batch_op.drop_index('ix_notifications_inbox')
        batch_op.create_index(batch_op.f('ix_notifications_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_area_code'), ['area_code'], unique=False)
        batch_op.alter_column('title',
               existing_type=sa.String(length=300),
               type_=sa.VARCHAR(length=200),
               existing_nullable=False)
        batch_op.drop_column('escalation_id')
        batch_op.drop_column('dedupe_key')
        batch_op.drop_column('recipient_id')

    op.drop_table('teams')
    with op.batch_alter_table('person_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_roles_role'))

    op.drop_table('person_roles')
    with op.batch_alter_table('person_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_areas_area_code'))

    op.drop_table('person_areas')
    op.drop_table('people')
    with op.batch_alter_table('household_teams', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_teams_team_id'))

    op.drop_table('household_teams')
    with op.batch_alter_table('escalations', schema=None) as batch_op:
        batch_op.drop_index('ix_escalations_status')
        batch_op.drop_index(batch_op.f('ix_escalations_area_code'))

    op.drop_table('escalations')
    with op.batch_alter_table('escalation_recipients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalation_recipients_person_id'))

    op.drop_table('escalation_recipients')
    op.drop_table('digests')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deliveries_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_deliveries_notification_id'))
        batch_op.drop_index('ix_deliveries_due')

    op.drop_table('deliveries')
