"""the village index carries the cases report's columns (PostgreSQL: INCLUDE)

Revision ID: 4e7a9c2d1b58
Revises: 8d2f4a6b1c37
Create Date: 2026-12-02 14:45:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "4e7a9c2d1b58"
down_revision: str | None = "8d2f4a6b1c37"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPORTED = ["stage", "consented", "targeted_at", "monitoring_until", "next_visit_due", "team_id"]


def upgrade() -> None:
    _rebuild(include=REPORTED)


def downgrade() -> None:
    _rebuild(include=[])


def _rebuild(include: list[str]) -> None:
    """PostgreSQL only: SQLite has no INCLUDE, and its index stays (village_code, id)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_households_village", table_name="households")
    op.create_index(
        "ix_households_village",
        "households",
        ["village_code", "id"],
        postgresql_include=include,
    )
