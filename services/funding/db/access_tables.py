"""Households' funding-access requests, and the days the daily jobs have run."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text

from infra.tables import UtcDateTime
from services.funding.db.tables import PERSON, UUID, metadata, money

funding_requests = Table(
    "funding_requests",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("intervention_id", UUID, nullable=False, unique=True),
    Column("household_id", UUID, nullable=False, index=True),
    Column("village_code", String(8), nullable=False),
    money("amount"),
    Column("purpose", Text, nullable=False),
    Column("term_months", Integer, nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False),
    Column("requested_at", UtcDateTime, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("status", String(10), nullable=False),
    Column("group_id", UUID, ForeignKey("groups.id"), index=True),
    Column("member_id", UUID),
    Column("loan_id", UUID),
    Column("reason", Text),
    Column("decided_by", PERSON),
    Column("decided_at", UtcDateTime),
    Column("version", Integer, nullable=False),
)
# The days a daily job has run to the end (a run cut short runs again).
job_runs = Table(
    "job_runs",
    metadata,
    Column("job", String(40), primary_key=True),
    Column("run_on", Date, primary_key=True),
    Column("finished_at", UtcDateTime, nullable=False),
)
