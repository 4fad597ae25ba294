"""A loan's cycle through the use cases with the fake unit of work: applied by the maker,
approved by the checker, disbursed, repaid; the books and the events follow. No database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from infra.errors import Forbidden, PreconditionFailed
from services.funding.db.queries import LoanQuery
from services.funding.domain.loan import LoanStatus
from services.funding.schemas.repayments import repayment_out
from services.funding.usecases import loans, repayments
from services.funding.usecases.commands import DisburseLoan, MoveMoney, RejectLoan
from tests.unit.funding.books import (
    CHECKER,
    MAKER,
    NOW,
    SETTINGS,
    TODAY,
    add_member,
    apply,
    deposit,
    ready_group,
)
from tests.unit.funding.fakes import FakeUnitOfWork


def borrower(uow: FakeUnitOfWork) -> tuple[str, str]:
    group = ready_group(uow)
    member = add_member(uow, group.id)
    deposit(uow, member["id"], "3000.00")
    return group.id, member["id"]


def test_a_loan_is_applied_for_approved_disbursed_and_repaid() -> None:
    uow = FakeUnitOfWork()
    group_id, member_id = borrower(uow)
    loan_id = apply(uow, member_id, "1000.00")["id"]

    approved, _ = loans.approve_loan(uow, CHECKER, loan_id, 1, NOW)
    paid_out, on = loans.disburse_loan(uow, MAKER, loan_id, DisburseLoan(), 2, NOW, SETTINGS)
    repayment = MoveMoney(Decimal("200.00"))
    repaid = repayments.repay_loan(uow, MAKER, loan_id, repayment, NOW, SETTINGS, repayment_out)

    assert (approved.status, paid_out.status, on) == (
        LoanStatus.APPROVED,
        LoanStatus.DISBURSED,
        TODAY,
    )
    assert paid_out.purpose == "seed and fertiliser" and len(paid_out.schedule) == 6
    assert Decimal(repaid["principal_thb"]) + Decimal(repaid["interest_thb"]) == Decimal("200.00")
    loan = uow.loans.get(loan_id)
    assert loan is not None and loan.outstanding_principal == Decimal(
        repaid["outstanding_principal_thb"]
    )
    group = uow.groups.get(group_id)
    assert group is not None and group.balances.cash == Decimal("2200.00")  # 3000 - 1000 + 200
    assert uow.kinds() == ["loan_disbursed", "loan_repaid"]
    assert uow.events("loan_repaid")[0]["amount_thb"] == "200.00"


def test_the_maker_does_not_approve_their_own_loan() -> None:
    uow = FakeUnitOfWork()
    _, member_id = borrower(uow)
    loan_id = apply(uow, member_id, "1000.00")["id"]

    with pytest.raises(Forbidden):
        loans.approve_loan(uow, MAKER, loan_id, None, NOW)
    assert uow.loans.get(loan_id).status is LoanStatus.APPLIED  # type: ignore[union-attr]


def test_a_decision_on_a_stale_version_changes_nothing() -> None:
    uow = FakeUnitOfWork()
    _, member_id = borrower(uow)
    loan_id = apply(uow, member_id, "1000.00")["id"]
    loans.approve_loan(uow, CHECKER, loan_id, 1, NOW)

    with pytest.raises(PreconditionFailed):
        loans.disburse_loan(uow, MAKER, loan_id, DisburseLoan(), 1, NOW, SETTINGS)
    assert uow.loans.get(loan_id).status is LoanStatus.APPROVED  # type: ignore[union-attr]
    assert uow.kinds() == []


def test_a_list_of_loans_is_a_page_with_the_day_they_are_reckoned_on() -> None:
    uow = FakeUnitOfWork()
    group_id, member_id = borrower(uow)
    first = apply(uow, member_id, "500.00")["id"]
    loans.reject_loan(uow, CHECKER, first, RejectLoan("not now"), None, NOW)
    second = apply(uow, member_id, "700.00")["id"]

    found = loans.list_loans(uow, MAKER, group_id, LoanQuery(status="applied"), NOW)

    assert [(loan.id, day) for loan, day in found.items] == [(second, TODAY)]
    assert found.next is None
