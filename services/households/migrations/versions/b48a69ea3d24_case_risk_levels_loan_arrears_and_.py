"""case risk levels, loan arrears and relapses (issue 16)

Revision ID: b48a69ea3d24
Revises: 9a4c2e7f1b63
Create Date: 2026-12-04 22:39:04.344035
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables

revision: str = "b48a69ea3d24"
down_revision: str | None = "9a4c2e7f1b63"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_risks",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("signals", sa.String(length=200), nullable=False),
        sa.Column("missed_visits", sa.SmallInteger(), nullable=False),
        sa.Column("loans_in_arrears", sa.SmallInteger(), nullable=False),
        sa.Column("arrears_days", sa.Integer(), nullable=False),
        sa.Column("income_fall_percent", sa.SmallInteger(), nullable=False),
        sa.Column("bmn_worsened", sa.SmallInteger(), nullable=False),
        sa.Column("assessed_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_case_risks")),
    )
    op.create_table(
        "household_loan_arrears",
        sa.Column("loan_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("days_overdue", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("loan_id", name=op.f("pk_household_loan_arrears")),
    )
    op.create_index(
        op.f("ix_household_loan_arrears_household_id"),
        "household_loan_arrears",
        ["household_id"],
    )
    op.create_table(
        "household_relapses",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("survey_year", sa.SmallInteger(), nullable=False),
        sa.Column("graduation_year", sa.SmallInteger(), nullable=False),
        sa.Column("graduated_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.Column("village_code", sa.String(length=8), nullable=False),
        sa.Column("import_id", sa.String(length=36), nullable=True),
        sa.Column("flagged_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("household_id", "survey_year", name=op.f("pk_household_relapses")),
    )
    op.create_index("ix_household_relapses_village", "household_relapses", ["village_code"])
    with op.batch_alter_table("households") as batch_op:
        batch_op.add_column(
            sa.Column("risk_level", sa.String(length=8), server_default="low", nullable=False)
        )
    op.create_index(
        "ix_households_risk",
        "households",
        ["risk_level", "village_code", "id"],
        sqlite_where=sa.text("risk_level != 'low'"),
        postgresql_where=sa.text("risk_level != 'low'"),
    )


def downgrade() -> None:
    op.drop_index("ix_households_risk", table_name="households")
    with op.batch_alter_table("households") as batch_op:
        batch_op.drop_column("risk_level")
    op.drop_index("ix_household_relapses_village", table_name="household_relapses")
    op.drop_table("household_relapses")
    op.drop_index(
        op.f("ix_household_loan_arrears_household_id"), table_name="household_loan_arrears"
    )
    op.drop_table("household_loan_arrears")
    op.drop_table("case_risks")
