"""smile team plans: plans owned by a team, approval, household tasks, quarterly reports, lessons

Revision ID: 1196333e0b11
Revises: e96955c86a03
Create Date: 2026-12-04 22:42:06.281355
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables

revision: str = "1196333e0b11"
down_revision: str | None = "e96955c86a03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_lessons",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published_by", sa.String(length=36), nullable=False),
        sa.Column("published_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["action_plans.id"], name=op.f("fk_plan_lessons_plan_id_action_plans")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_plan_lessons_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_lessons")),
    )
    with op.batch_alter_table("plan_lessons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_lessons_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_plan_lessons_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_period_reports",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("households_followed", sa.Integer(), nullable=False),
        sa.Column("reported_by", sa.String(length=36), nullable=False),
        sa.Column("reported_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["action_plans.id"],
            name=op.f("fk_plan_period_reports_plan_id_action_plans"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_period_reports")),
        sa.UniqueConstraint("plan_id", "quarter", name=op.f("uq_plan_period_reports_plan_id")),
    )
    with op.batch_alter_table("action_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("approval", sa.String(length=20), nullable=True))
        batch_op.alter_column("organisation_id", existing_type=sa.VARCHAR(length=36), nullable=True)
        batch_op.create_index(batch_op.f("ix_action_plans_team_id"), ["team_id"], unique=False)
        batch_op.create_unique_constraint(
            batch_op.f("uq_action_plans_team_id"), ["team_id", "year"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_action_plans_team_id_teams"), "teams", ["team_id"], ["id"]
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_action_plans_owner"), sa.text("(organisation_id IS NULL) <> (team_id IS NULL)")
        )

    with op.batch_alter_table("plan_phase_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approval", sa.String(length=20), nullable=True))

    with op.batch_alter_table("plan_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("household_id", sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_plan_tasks_household_id"), ["household_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_tasks_household_id"))
        batch_op.drop_column("household_id")

    with op.batch_alter_table("plan_phase_log", schema=None) as batch_op:
        batch_op.drop_column("approval")

    with op.batch_alter_table("action_plans", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_action_plans_team_id_teams"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("ck_action_plans_owner"), type_="check")
        batch_op.drop_constraint(batch_op.f("uq_action_plans_team_id"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_action_plans_team_id"))
        batch_op.alter_column(
            "organisation_id", existing_type=sa.VARCHAR(length=36), nullable=False
        )
        batch_op.drop_column("approval")
        batch_op.drop_column("team_id")

    op.drop_table("plan_period_reports")
    with op.batch_alter_table("plan_lessons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_lessons_plan_id"))
        batch_op.drop_index(batch_op.f("ix_plan_lessons_district_code"))

    op.drop_table("plan_lessons")
