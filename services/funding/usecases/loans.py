"""Loans: apply, approve (maker-checker), reject, disburse, read, list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from infra.caller import Caller
from infra.client_requests import ClientKey
from infra.errors import Conflict, FieldError
from infra.pagination import Page
from infra.versions import require_version
from services.funding.db import FundingUnitOfWork
from services.funding.db.queries import LoanQuery
from services.funding.domain import fund
from services.funding.domain.access import RequestStatus
from services.funding.domain.ledger import Posting
from services.funding.domain.loan import Link, Loan
from services.funding.domain.member import Member
from services.funding.domain.money import bangkok_date, require_amount
from services.funding.domain.policy import Reach
from services.funding.events import LOAN_DISBURSED
from services.funding.settings import Settings
from services.funding.usecases import announcements
from services.funding.usecases.audit import LOAN, VALUES, record
from services.funding.usecases.commands import (
    ApplyForLoan,
    DisburseLoan,
    RejectLoan,
    fingerprinted,
)
from services.funding.usecases.common import (
    group_within,
    loan_within,
    member_within,
    posting_day,
)


def apply_for_loan(
    uow: FundingUnitOfWork,
    caller: Caller,
    member_id: str,
    command: ApplyForLoan,
    now: datetime,
    render: Callable[[Loan, date], Any],
) -> Any:
    key = ClientKey("apply_for_loan", member_id, fingerprinted(command))
    principal = require_amount("amount_thb", command.amount_thb)
    with uow:
        group, member = member_within(uow, caller, member_id, Reach.RECORD, lock=True)
        if (answer := key.answered(uow.client_requests, group.id)) is not None:
            return answer
        owed = uow.loans.owed_by(member.id)
        fund.check_application(group, member, principal, command.term_months, owed)
        loan = Loan(
            group_id=group.id,
            member_id=member.id,
            principal=principal,
            term_months=command.term_months,
            purpose=command.purpose.strip(),
            annual_rate=group.rules.annual_interest_rate,
            method=group.rules.interest_method,
            recorded_by=caller.person_id,
            applied_at=now,
            link=_link(uow, member, command.funding_request_id),
        )
        uow.loans.add(loan)
        record(uow, group.village_code, loan, {}, "applied", caller.person_id, now)
        _note_on_request(uow, loan)
        answer = key.remember(uow.client_requests, group.id, render(loan, bangkok_date(now)), now)
        uow.commit()
    return answer


def approve_loan(
    uow: FundingUnitOfWork,
    caller: Caller,
    loan_id: str,
    expected_version: int | None,
    now: datetime,
) -> tuple[Loan, date]:
    with uow:
        group, loan = loan_within(uow, caller, loan_id, Reach.RECORD, lock=True)
        require_version(loan.version, expected_version, "loan")
        member = _member(uow, loan)
        before = VALUES[LOAN](loan)
        loan.approve(caller.person_id, member.person_id, now)
        owed_elsewhere = uow.loans.owed_by(member.id) - loan.principal
        fund.check_application(group, member, loan.principal, loan.term_months, owed_elsewhere)
        uow.loans.save(loan)
        record(uow, group.village_code, loan, before, "approved", caller.person_id, now)
        uow.commit()
    return loan, bangkok_date(now)


def reject_loan(
    uow: FundingUnitOfWork,
    caller: Caller,
    loan_id: str,
    command: RejectLoan,
    expected_version: int | None,
    now: datetime,
) -> tuple[Loan, date]:
    with uow:
        group, loan = loan_within(uow, caller, loan_id, Reach.RECORD, lock=True)
        require_version(loan.version, expected_version, "loan")
        before = VALUES[LOAN](loan)
        loan.reject(caller.person_id, command.reason.strip(), now)
        uow.loans.save(loan)
        reason = command.reason.strip()
        record(uow, group.village_code, loan, before, "rejected", caller.person_id, now, reason)
        uow.commit()
    return loan, bangkok_date(now)


def disburse_loan(
    uow: FundingUnitOfWork,
    caller: Caller,
    loan_id: str,
    command: DisburseLoan,
    expected_version: int | None,
    now: datetime,
    settings: Settings,
) -> tuple[Loan, date]:
    with uow:
        group, loan = loan_within(uow, caller, loan_id, Reach.RECORD, lock=True)
        require_version(loan.version, expected_version, "loan")
        posting = Posting(posting_day(command.on, now, settings), caller.person_id, now)
        before = VALUES[LOAN](loan)
        entry = fund.disburse(group, loan, posting)
        uow.loans.save(loan)
        record(uow, group.village_code, loan, before, "disbursed", caller.person_id, now)
        uow.loans.add_schedule(loan)
        uow.groups.save_balances(group)
        uow.ledger.add([entry])
        uow.emit(LOAN_DISBURSED, announcements.loan_disbursed(group, loan, now))
        uow.commit()
    return loan, posting.on


def get_loan(
    uow: FundingUnitOfWork, caller: Caller, loan_id: str, now: datetime
) -> tuple[Loan, date]:
    """The loan, and the day (Bangkok) its payoff and arrears are reckoned on."""
    with uow:
        _, loan = loan_within(uow, caller, loan_id, Reach.READ)
    return loan, bangkok_date(now)


def list_loans(
    uow: FundingUnitOfWork, caller: Caller, group_id: str, query: LoanQuery, now: datetime
) -> Page[tuple[Loan, date]]:
    """Each loan with the day (Bangkok) its payoff and arrears are reckoned on, as `get_loan`."""
    with uow:
        group_within(uow, caller, group_id, Reach.READ)
        found = uow.loans.list(group_id, query)
    today = bangkok_date(now)
    return Page([(loan, today) for loan in found.items], found.next)


def _member(uow: FundingUnitOfWork, loan: Loan) -> Member:
    member = uow.members.get(loan.member_id)
    assert member is not None, "a loan's member is never deleted"
    return member


def _link(uow: FundingUnitOfWork, member: Member, request_id: str | None) -> Link:
    """A loan made for a household's funding-access request carries the case's ids."""
    if request_id is None:
        return Link()
    request = uow.requests.get(request_id)
    if (
        request is None
        or request.status is not RequestStatus.GRANTED
        or request.member_id != member.id
    ):
        problem = "no granted funding request of this member"
        raise Conflict(problem, [FieldError("funding_request_id", problem)])
    if request.loan_id is not None:
        problem = "this request already has its loan"
        raise Conflict(problem, [FieldError("funding_request_id", problem)])
    return Link(request.id, request.applicant.household_id, request.applicant.intervention_id)


def _note_on_request(uow: FundingUnitOfWork, loan: Loan) -> None:
    if loan.link.funding_request_id is None:
        return
    request = uow.requests.get(loan.link.funding_request_id)
    if request is not None:
        request.loan_id = loan.id
        request.version += 1
        uow.requests.save(request)
