"""The ledger (balanced transfers), collection sheets and client keys (infra's table)."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from infra.audit import add_audit_table
from infra.client_requests import add_client_requests_table
from infra.tables import BigId, UtcDateTime
from services.funding.db.tables import PERSON, UUID, metadata, money

# The ledger as balanced transfers: each row debits one account and credits another by the same
# amount, so every row balances by construction. A journal entry (`entry_id`) is one row, or two
# for a repayment of principal and interest.
postings = Table(
    "ledger_postings",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("entry_id", UUID, nullable=False),
    Column("group_id", UUID, ForeignKey("groups.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("debit", String(10), nullable=False),
    Column("credit", String(10), nullable=False),
    money("amount"),
    Column("posted_on", Date, nullable=False),
    Column("member_id", UUID, index=True),
    Column("loan_id", UUID, index=True),
    Column("sheet_id", UUID),
    Column("recorded_by", PERSON, nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    CheckConstraint("amount_satang > 0", name="positive_amount"),
    CheckConstraint("debit <> credit", name="two_accounts"),
)
Index("ix_ledger_postings_group_id_seq", postings.c.group_id, postings.c.seq)
sheets = Table(
    "collection_sheets",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("group_id", UUID, ForeignKey("groups.id"), nullable=False, index=True),
    Column("meeting_on", Date, nullable=False),
    Column("line_count", Integer, nullable=False),
    money("deposits"),
    money("repayments"),
    Column("recorded_by", PERSON, nullable=False),
    Column("posted_at", UtcDateTime, nullable=False),
)
# A resendable command's answer, kept under (group id, client key): a resend gets the same answer.
client_requests = add_client_requests_table(metadata)
audit_entries = add_audit_table(metadata)
