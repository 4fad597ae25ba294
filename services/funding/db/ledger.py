"""The ledger, collection sheets and client keys: repositories."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from infra.pagination import keyset, page
from services.funding.db.bulk import insert_many
from services.funding.db.convert import from_satang, to_satang
from services.funding.db.ledger_tables import client_requests, postings, sheets
from services.funding.domain.collection import Sheet
from services.funding.domain.ledger import Entry, Transfer
from services.funding.vocabulary import LineKind

# Built once: a statement built per call costs more than SQLite takes to run it.
ANSWER = select(client_requests).where(
    client_requests.c.group_id == bindparam("group_id"),
    client_requests.c.client_key == bindparam("client_key"),
)


class LedgerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, posted: list[Entry]) -> None:
        """Every entry's transfers in one multi-row insert, whatever their number."""
        rows = [_posting(entry, transfer) for entry in posted for transfer in entry.transfers()]
        insert_many(self.session, postings, rows)

    def list(self, group_id: str, query: dict[str, Any]) -> tuple[list[Any], str | None]:
        statement = select(postings).where(postings.c.group_id == group_id)
        for name in ("member_id", "loan_id"):
            if query.get(name):
                statement = statement.where(postings.c[name] == query[name])
        rows = self.session.execute(
            keyset(statement, [postings.c.seq], query["after"], query["limit"], descending=True)
        ).all()
        return page(rows, query["limit"], key=lambda r: [r.seq])

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


class ClientRequestRepository:
    """Answers of resendable commands, kept under (group, client key)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, group_id: str, client_key: str) -> tuple[str, str, Any] | None:
        """(command, fingerprint, answer) stored under the key, if any."""
        given = {"group_id": group_id, "client_key": client_key}
        row = self.session.execute(ANSWER, given).first()
        return (row.command, row.fingerprint, json.loads(row.result)) if row else None

    def add(
        self,
        group_id: str,
        client_key: str,
        command: str,
        fingerprint: str,
        answer: Any,
        now: datetime,
    ) -> None:
        row = {
            "group_id": group_id,
            "client_key": client_key,
            "command": command,
            "fingerprint": fingerprint,
            "result": json.dumps(answer, ensure_ascii=False),
            "created_at": now,
        }
        insert_many(self.session, client_requests, [row])


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
