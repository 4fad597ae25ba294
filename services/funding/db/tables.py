"""Funding tables. Money columns hold integer satang; the ledger is the book of record and the
balance columns (groups, members, installments) are kept with it in the same transaction."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from infra.tables import UtcDateTime, new_metadata

metadata = new_metadata()
PERSON = String(36)  # person ids come from the teams service (UUIDs); "system" for jobs
UUID = String(36)


def money(name: str, **kwargs: object) -> Column:
    return Column(f"{name}_satang", BigInteger, nullable=False, default=0, **kwargs)


networks = Table(
    "networks",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("district_code", String(4), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
network_officers = Table(
    "network_officers",
    metadata,
    Column("network_id", UUID, ForeignKey("networks.id"), primary_key=True),
    Column("person_id", PERSON, primary_key=True, index=True),
)
groups = Table(
    "groups",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("village_code", String(8), nullable=False, index=True),
    Column("network_id", UUID, ForeignKey("networks.id"), index=True),
    money("min_monthly_saving"),
    Column("interest_rate_bp", Integer, nullable=False),  # percent a year x 100
    Column("interest_method", String(20), nullable=False),
    Column("max_loan_multiple_pct", Integer, nullable=False),  # multiple x 100
    Column("max_term_months", Integer, nullable=False),
    money("min_savings_balance"),
    money("cash"),
    money("loans"),
    money("savings"),
    money("income"),
    Column("next_member_no", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
committee = Table(
    "committee_seats",
    metadata,
    Column("group_id", UUID, ForeignKey("groups.id"), primary_key=True),
    Column("person_id", PERSON, primary_key=True, index=True),
    Column("role", String(20), nullable=False),
)
members = Table(
    "members",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("group_id", UUID, ForeignKey("groups.id"), nullable=False),
    Column("member_no", Integer, nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False),
    Column("household_id", UUID),
    Column("person_id", PERSON),
    Column("joined_on", Date, nullable=False),
    Column("status", String(10), nullable=False),
    money("savings"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("group_id", "member_no", name="uq_members_group_id_member_no"),
)
# A household is an active member of one group at most.
Index(
    "uq_members_active_household_id",
    members.c.household_id,
    unique=True,
    sqlite_where=members.c.status == "active",
    postgresql_where=members.c.status == "active",
)
