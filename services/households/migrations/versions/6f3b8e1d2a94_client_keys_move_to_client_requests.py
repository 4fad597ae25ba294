"""client keys move to client_requests: registrations, visits and interventions keep theirs in one
table, with the answer a resend gets

Revision ID: 6f3b8e1d2a94
Revises: 4e7a9c2d1b58
Create Date: 2026-12-04 19:45:00.000000

Every key kept so far is copied with the fingerprint "" (infra.client_requests.UNKNOWN_FINGERPRINT:
any resend of the same command replays it): a registration's under the person who registered,
answering {"id", "version"} as first answered; a visit's and an intervention's under the household,
answering a reference ({"visit_id"}, {"intervention_id"}) that the use case reads again. A key a
household used for both a visit and an intervention (never sent by the apps, whose keys are
UUIDs) stays the visit's. The downgrade restores the tables' shapes, not the keys.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import infra.tables

revision: str = "6f3b8e1d2a94"
down_revision: str | None = "4e7a9c2d1b58"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_KEPT_YET = (
    "NOT EXISTS (SELECT 1 FROM client_requests c WHERE c.scope = {scope} AND c.client_key = {key})"
)
COPIES = [
    (
        "registrations r",
        "r.registered_by",
        "r.client_key",
        "register_household",
        """'{"id": "' || r.household_id || '", "version": '"""
        """ || CAST(r.version AS VARCHAR(10)) || '}'""",
        "r.registered_at",
        "1 = 1",
    ),
    (
        "visits v",
        "v.household_id",
        "v.client_key",
        "log_visit",
        """'{"visit_id": "' || v.id || '"}'""",
        "v.recorded_at",
        "v.client_key IS NOT NULL",
    ),
    (
        "interventions i",
        "i.household_id",
        "i.client_key",
        "request_intervention",
        """'{"intervention_id": "' || i.id || '"}'""",
        "i.requested_at",
        "i.client_key IS NOT NULL",
    ),
]
KEYED = sa.text("client_key IS NOT NULL")


def upgrade() -> None:
    op.create_table(
        "client_requests",
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("client_key", sa.String(length=100), nullable=False),
        sa.Column("command", sa.String(length=40), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope", "client_key", name=op.f("pk_client_requests")),
    )
    for source, scope, key, command, answer, at, keyed in COPIES:
        op.execute(
            "INSERT INTO client_requests"
            " (scope, client_key, command, fingerprint, result, created_at)"
            f" SELECT {scope}, {key}, '{command}', '', {answer}, {at} FROM {source}"
            f" WHERE {keyed} AND {NOT_KEPT_YET.format(scope=scope, key=key)}"
        )
    op.drop_table("registrations")
    for table in ("visits", "interventions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(
                f"uq_{table}_client_key", sqlite_where=KEYED, postgresql_where=KEYED
            )
            batch_op.drop_column("client_key")


def downgrade() -> None:
    for table in ("interventions", "visits"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("client_key", sa.String(length=64), nullable=True))
            batch_op.create_index(
                f"uq_{table}_client_key",
                ["household_id", "client_key"],
                unique=True,
                sqlite_where=KEYED,
                postgresql_where=KEYED,
            )
    op.create_table(
        "registrations",
        sa.Column("registered_by", sa.String(length=64), nullable=False),
        sa.Column("client_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("registered_at", infra.tables.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_registrations_household_id_households"),
        ),
        sa.PrimaryKeyConstraint("registered_by", "client_key", name=op.f("pk_registrations")),
    )
    op.drop_table("client_requests")
