"""A loan from a group's fund: applied -> approved -> disbursed -> closed or written off.

Maker-checker: the officer who approves is neither the one who recorded the application nor the
borrower. How repayments meet the schedule is in `allocation`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from infra.errors import Conflict, FieldError, Forbidden, ValidationFailed
from services.funding.domain import allocation
from services.funding.domain.allocation import Allocation
from services.funding.domain.arrears import Arrears, arrears_of
from services.funding.domain.money import ZERO
from services.funding.domain.schedule import Installment, build_schedule
from services.funding.vocabulary import InterestMethod

WRITE_OFF_AFTER_DAYS = 90


class LoanStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    REJECTED = "rejected"
    DISBURSED = "disbursed"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"


ACTIONS = {
    LoanStatus.APPLIED: ["approve", "reject"],
    LoanStatus.APPROVED: ["disburse", "reject"],
    LoanStatus.DISBURSED: ["repay", "write_off"],
}
PAST = {
    "approve": "approved",
    "reject": "rejected",
    "disburse": "disbursed",
    "repay": "repaid",
    "write_off": "written off",
}
# Loans that count towards what a member owes (the group's limit).
OWING = frozenset({LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.DISBURSED})


@dataclass(frozen=True)
class Link:
    """Where a loan came from when a household's plan asked for funding access."""

    funding_request_id: str | None = None
    household_id: str | None = None
    intervention_id: str | None = None


@dataclass
class Loan:
    group_id: str
    member_id: str
    principal: Decimal
    term_months: int
    purpose: str
    annual_rate: Decimal
    method: InterestMethod
    recorded_by: str
    applied_at: datetime
    link: Link = field(default_factory=Link)
    status: LoanStatus = LoanStatus.APPLIED
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    disbursed_on: date | None = None
    closed_on: date | None = None
    schedule: list[Installment] = field(default_factory=list)
    interest_waived: Decimal = ZERO
    written_off: Decimal = ZERO
    write_off_reason: str | None = None
    arrears_episode: int = 0
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @property
    def allowed(self) -> list[str]:
        """What may be done to the loan now (approve, disburse, repay...)."""
        return ACTIONS.get(self.status, [])

    @property
    def owed_principal(self) -> Decimal:
        """What counts against the member's limit: the principal not yet repaid."""
        if self.status is LoanStatus.DISBURSED:
            return self.outstanding_principal
        return self.principal if self.status in OWING else ZERO

    @property
    def outstanding_principal(self) -> Decimal:
        if self.status is not LoanStatus.DISBURSED:
            return ZERO
        return sum((i.unpaid_principal for i in self.schedule), ZERO)

    def approve(self, approver: str, borrower_person_id: str | None, now: datetime) -> None:
        self.require("approve")
        if approver == self.recorded_by:
            raise Forbidden("a loan is approved by an officer other than the one who recorded it")
        if approver == borrower_person_id:
            raise Forbidden("nobody approves a loan to themselves")
        self._decide(LoanStatus.APPROVED, approver, now, None)

    def reject(self, officer: str, reason: str, now: datetime) -> None:
        self.require("reject")
        self._decide(LoanStatus.REJECTED, officer, now, reason)

    def disburse(self, on: date) -> None:
        self.require("disburse")
        self.schedule = build_schedule(
            self.principal, self.annual_rate, self.method, self.term_months, on
        )
        self.status, self.disbursed_on = LoanStatus.DISBURSED, on
        self.version += 1

    def payoff(self, on: date) -> Decimal:
        """What settles the loan on `on` (see `allocation.settle`)."""
        return allocation.payoff(self.schedule, self._running_seq(on))

    def repay(self, amount: Decimal, on: date) -> Allocation:
        self.require("repay")
        if self.disbursed_on is not None and on < self.disbursed_on:
            raise ValidationFailed.on("on", "before the loan was disbursed")
        payoff = self.payoff(on)
        if amount > payoff:
            raise ValidationFailed.on("amount_thb", "more than what settles the loan")
        was_in_arrears = self.arrears(on).days_overdue > 0
        if amount == payoff:
            paid = allocation.settle(self.schedule, self._running_seq(on))
            self.interest_waived += paid.waived_interest
            self.status, self.closed_on = LoanStatus.CLOSED, on
        else:
            paid = allocation.pay_in_order(self.schedule, amount)
        if was_in_arrears and self.arrears(on).days_overdue == 0:
            self.arrears_episode += 1
        self.version += 1
        return paid

    def write_off(self, on: date, reason: str) -> Decimal:
        self.require("write_off")
        if self.arrears(on).days_overdue <= WRITE_OFF_AFTER_DAYS:
            raise Conflict(
                f"only a loan more than {WRITE_OFF_AFTER_DAYS} days overdue is written off",
                allowed=ACTIONS[self.status],
            )
        self.written_off, self.write_off_reason = self.outstanding_principal, reason
        self.status, self.closed_on = LoanStatus.WRITTEN_OFF, on
        self.version += 1
        return self.written_off

    def arrears(self, as_of: date) -> Arrears:
        if self.status is not LoanStatus.DISBURSED:
            return Arrears.none()
        return arrears_of([(i.due_on, i.unpaid) for i in self.schedule], as_of)

    def _running_seq(self, on: date) -> int:
        assert self.disbursed_on is not None
        return allocation.running_seq(self.disbursed_on, self.term_months, on)

    def require(self, action: str) -> None:
        allowed = ACTIONS.get(self.status, [])
        if action not in allowed:
            message = f"a loan that is {self.status} cannot be {PAST[action]}"
            raise Conflict(message, [FieldError("loan_id", message)], allowed=allowed)

    def _decide(self, status: LoanStatus, officer: str, now: datetime, reason: str | None) -> None:
        self.status, self.decided_by, self.decided_at = status, officer, now
        self.decision_reason = reason
        self.version += 1
