"""The ledger and collection sheets: repositories."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from services.funding.db.bulk import insert_many
from services.funding.db.convert import from_satang, to_satang
from services.funding.db.ledger_tables import postings, sheets
from services.funding.db.queries import EntryQuery
from services.funding.domain.collection import Sheet
from services.funding.domain.ledger import Entry, Transfer
from services.funding.vocabulary import LineKind


class LedgerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, posted: list[Entry]) -> None:
        """Every entry's transfers in one multi-row insert, whatever their number."""
        rows = [_posting(entry, transfer) for entry in posted for transfer in entry.transfers()]
        insert_many(self.session, postings, rows)

    def list(self, group_id: str, query: EntryQuery) -> Page[Any]:
        """Ledger rows, newest first."""
        statement = select(postings).where(postings.c.group_id == group_id)
        if query.member_id:
            statement = statement.where(postings.c.member_id == query.member_id)
        if query.loan_id:
            statement = statement.where(postings.c.loan_id == query.loan_id)
        rows = self.session.execute(
            keyset(statement, [postings.c.seq], query.after, query.limit, descending=True)
        ).all()
        return page(rows, query.limit, key=lambda r: [r.seq])

    def account_sums(self, group_id: str) -> dict[str, Decimal]:
        """Each account's balance straight from the transfers (debit positive)."""
        sums: dict[str, Decimal] = {}
        for side, sign in ((postings.c.debit, 1), (postings.c.credit, -1)):
            rows = self.session.execute(
                select(side, func.sum(postings.c.amount_satang))
                .where(postings.c.group_id == group_id)
                .group_by(side)
            )
            for account, total in rows:
                sums[account] = sums.get(account, Decimal("0.00")) + sign * from_satang(int(total))
        return sums


class SheetRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, sheet: Sheet) -> None:
        row = {
            "id": sheet.id,
            "group_id": sheet.group_id,
            "meeting_on": sheet.posting.on,
            "line_count": len(sheet.lines),
            "deposits_satang": to_satang(sheet.total(LineKind.DEPOSIT)),
            "repayments_satang": to_satang(sheet.total(LineKind.REPAYMENT)),
            "recorded_by": sheet.posting.recorded_by,
            "posted_at": sheet.posting.recorded_at,
        }
        insert_many(self.session, sheets, [row])


def _posting(entry: Entry, transfer: Transfer) -> dict[str, Any]:
    return {
        "entry_id": entry.id,
        "group_id": entry.group_id,
        "kind": entry.kind.value,
        "debit": transfer.debit.value,
        "credit": transfer.credit.value,
        "amount_satang": to_satang(transfer.amount),
        "posted_on": entry.posting.on,
        "member_id": entry.member_id,
        "loan_id": entry.loan_id,
        "sheet_id": entry.posting.sheet_id,
        "recorded_by": entry.posting.recorded_by,
        "recorded_at": entry.posting.recorded_at,
    }
