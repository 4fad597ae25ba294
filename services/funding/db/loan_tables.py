"""Loans, their installments, and the arrears announcements made for them."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text

from infra.tables import UtcDateTime
from services.funding.db.tables import PERSON, UUID, metadata, money

loans = Table(
    "loans",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("group_id", UUID, ForeignKey("groups.id"), nullable=False, index=True),
    Column("member_id", UUID, ForeignKey("members.id"), nullable=False, index=True),
    money("principal"),
    Column("term_months", Integer, nullable=False),
    Column("purpose", Text, nullable=False),
    Column("interest_rate_bp", Integer, nullable=False),
    Column("interest_method", String(20), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("recorded_by", PERSON, nullable=False),
    Column("applied_at", UtcDateTime, nullable=False),
    Column("decided_by", PERSON),
    Column("decided_at", UtcDateTime),
    Column("decision_reason", Text),
    Column("disbursed_on", Date),
    Column("closed_on", Date),
    money("interest_waived"),
    money("written_off"),
    Column("write_off_reason", Text),
    Column("arrears_episode", Integer, nullable=False),
    Column("funding_request_id", UUID),
    Column("household_id", UUID),
    Column("intervention_id", UUID),
    Column("version", Integer, nullable=False),
)
installments = Table(
    "installments",
    metadata,
    Column("loan_id", UUID, ForeignKey("loans.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("due_on", Date, nullable=False),
    money("principal"),
    money("interest"),
    money("principal_paid"),
    money("interest_paid"),
)
# The arrears job and the portfolio look only at installments not yet paid.
Index(
    "ix_installments_unpaid_due_on",
    installments.c.due_on,
    sqlite_where=installments.c.principal_paid_satang + installments.c.interest_paid_satang
    < installments.c.principal_satang + installments.c.interest_satang,
    postgresql_where=installments.c.principal_paid_satang + installments.c.interest_paid_satang
    < installments.c.principal_satang + installments.c.interest_satang,
)
# One `loan_overdue` per loan, arrears episode and bucket: the daily job may run twice.
overdue_notices = Table(
    "overdue_notices",
    metadata,
    Column("loan_id", UUID, ForeignKey("loans.id"), primary_key=True),
    Column("episode", Integer, primary_key=True),
    Column("bucket", String(10), primary_key=True),
    Column("days_overdue", Integer, nullable=False),
    money("arrears"),
    Column("as_of", Date, nullable=False),
    Column("announced_at", UtcDateTime, nullable=False),
)
