"""Loans and their installments: repository."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.versions import save_versioned
from services.funding.db.bulk import update_many
from services.funding.db.convert import from_satang
from services.funding.db.loan_rows import (
    INSTALLMENT_COLUMNS,
    installment_columns,
    installment_of,
    installment_payment,
    loan_columns,
    loan_of,
    loan_payment,
)
from services.funding.db.loan_tables import installments, loans
from services.funding.db.queries import LoanQuery
from services.funding.domain.loan import OWING, Loan, LoanStatus
from services.funding.domain.schedule import Installment

UNPAID = installments.c.principal_paid_satang + installments.c.interest_paid_satang < (
    installments.c.principal_satang + installments.c.interest_satang
)
# Built once: a statement built per call costs more than SQLite takes to run it.
GROUP_LOANS = select(loans).where(
    loans.c.group_id == bindparam("group_id"), loans.c.id.in_(bindparam("ids", expanding=True))
)
SCHEDULES = select(
    installments.c.loan_id, *(installments.c[name] for name in INSTALLMENT_COLUMNS)
).where(installments.c.loan_id.in_(bindparam("ids", expanding=True)))
ORDER = (installments.c.loan_id, installments.c.seq)
ALL_SCHEDULES = SCHEDULES.order_by(*ORDER)
UNPAID_SCHEDULES = SCHEDULES.where(UNPAID).order_by(*ORDER)


class LoanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, loan: Loan) -> None:
        self.session.execute(insert(loans).values(id=loan.id, **loan_columns(loan)))

    def get(self, loan_id: str) -> Loan | None:
        found = self._loans(select(loans).where(loans.c.id == loan_id))
        return found[0] if found else None

    def many(self, group_id: str, loan_ids: list[str]) -> dict[str, Loan]:
        """The group's loans among `loan_ids`, each with its unpaid installments only (what
        repayments need), in two queries."""
        rows = self.session.execute(GROUP_LOANS, {"group_id": group_id, "ids": loan_ids}).all()
        return {loan.id: loan for loan in self._with_schedules(rows, unpaid_only=True)}

    def save(self, loan: Loan) -> None:
        """A loan after a decision, disbursement or write-off: refused (412) unless the row still
        holds the version before (repayments, set-based, write under the group's lock)."""
        save_versioned(self.session, loans, "id", {"id": loan.id, **loan_columns(loan)})

    def add_schedule(self, loan: Loan) -> None:
        rows = [{"loan_id": loan.id, **installment_columns(i)} for i in loan.schedule]
        self.session.execute(insert(installments), rows)

    def save_payments(self, paid: Iterable[Loan]) -> None:
        """Loans and their changed installments after repayments: two statements in all."""
        paid = list(paid)
        update_many(self.session, loans, ("id",), [loan_payment(loan) for loan in paid])
        changed = [
            installment_payment(loan.id, i) for loan in paid for i in loan.schedule if i.changed
        ]
        update_many(self.session, installments, ("loan_id", "seq"), changed)

    def owed_by(self, member_id: str) -> Decimal:
        """Principal the member owes or has applied for: what their savings must cover."""
        pending = self.session.execute(
            select(func.coalesce(func.sum(loans.c.principal_satang), 0)).where(
                loans.c.member_id == member_id,
                loans.c.status.in_([s.value for s in OWING if s is not LoanStatus.DISBURSED]),
            )
        ).scalar_one()
        outstanding = self.session.execute(
            select(
                func.coalesce(
                    func.sum(
                        installments.c.principal_satang - installments.c.principal_paid_satang
                    ),
                    0,
                )
            )
            .join(loans, loans.c.id == installments.c.loan_id)
            .where(loans.c.member_id == member_id, loans.c.status == LoanStatus.DISBURSED.value)
        ).scalar_one()
        return from_satang(int(pending) + int(outstanding))

    def list(self, group_id: str, query: LoanQuery) -> Page[Loan]:
        statement = select(loans).where(loans.c.group_id == group_id)
        if query.status:
            statement = statement.where(loans.c.status == query.status)
        if query.member_id:
            statement = statement.where(loans.c.member_id == query.member_id)
        keys = [loans.c.applied_at, loans.c.id]
        rows = self.session.execute(
            keyset(statement, keys, query.after, query.limit, descending=True)
        ).all()
        found = page(rows, query.limit, key=lambda r: [r.applied_at, r.id])
        return Page(self._with_schedules(found.items), found.next)

    def _loans(self, statement: Any) -> list[Loan]:
        return self._with_schedules(self.session.execute(statement).all())

    def _with_schedules(self, rows: list[Any], unpaid_only: bool = False) -> list[Loan]:
        schedules: dict[str, list[Installment]] = {row.id: [] for row in rows}
        if rows:
            statement = UNPAID_SCHEDULES if unpaid_only else ALL_SCHEDULES
            for loan_id, *row in self.session.execute(statement, {"ids": list(schedules)}):
                schedules[loan_id].append(installment_of(row))
        return [loan_of(row, schedules[row.id]) for row in rows]
