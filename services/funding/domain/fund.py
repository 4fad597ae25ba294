"""Money moving through a group's fund: deposits, withdrawals, loans out and back.

Each operation checks the group's rules, changes the member or loan, and returns the balanced
ledger entry it posted to the group's books.
"""

from __future__ import annotations

from decimal import Decimal

from infra.errors import Conflict, FieldError, ValidationFailed
from services.funding.domain import ledger
from services.funding.domain.allocation import Allocation
from services.funding.domain.group import Group
from services.funding.domain.ledger import Entry, Posting
from services.funding.domain.loan import Loan
from services.funding.domain.member import Member
from services.funding.domain.money import require_amount


def deposit(group: Group, member: Member, amount: Decimal, posting: Posting) -> Entry:
    amount = require_amount("amount_thb", amount)
    member.require_active()
    if amount < group.rules.min_monthly_saving:
        raise ValidationFailed.on("amount_thb", "less than the group's minimum monthly saving")
    member.savings += amount
    member.version += 1
    return _post(group, ledger.deposit(group.id, member.id, amount, posting))


def withdraw(
    group: Group, member: Member, amount: Decimal, owed: Decimal, posting: Posting
) -> Entry:
    """`owed`: the principal the member owes or has applied for, which their savings cover."""
    amount = require_amount("amount_thb", amount)
    member.require_active()
    remaining = member.savings - amount
    if remaining < 0:
        raise ValidationFailed.on("amount_thb", "more than the member's savings")
    if remaining < group.rules.min_savings_balance:
        raise ValidationFailed.on("amount_thb", "would leave less than the group's minimum balance")
    if owed > group.rules.loan_limit(remaining):
        raise ValidationFailed.on("amount_thb", "the member's loans need these savings as cover")
    _require_cash(group, amount, "amount_thb")
    member.savings = remaining
    member.version += 1
    return _post(group, ledger.withdrawal(group.id, member.id, amount, posting))


def check_application(
    group: Group, member: Member, principal: Decimal, term_months: int, owed: Decimal
) -> None:
    """The group's limits: what a member may owe in all, and the longest term."""
    member.require_active()
    problems = []
    if owed + principal > group.rules.loan_limit(member.savings):
        problems.append(FieldError("amount_thb", "more than the group lends this member"))
    if term_months > group.rules.max_term_months:
        problems.append(FieldError("term_months", "longer than the group's longest term"))
    if problems:
        raise ValidationFailed("the loan is outside the group's rules", problems)


def disburse(group: Group, loan: Loan, posting: Posting) -> Entry:
    loan.require("disburse")
    _require_cash(group, loan.principal, "amount_thb")
    loan.disburse(posting.on)
    entry = ledger.disbursement(group.id, loan.member_id, loan.id, loan.principal, posting)
    return _post(group, entry)


def repay(group: Group, loan: Loan, amount: Decimal, posting: Posting) -> tuple[Entry, Allocation]:
    amount = require_amount("amount_thb", amount)
    allocation = loan.repay(amount, posting.on)
    entry = ledger.repayment(
        group.id, loan.member_id, loan.id, allocation.principal, allocation.interest, posting
    )
    return _post(group, entry), allocation


def write_off(group: Group, loan: Loan, reason: str, posting: Posting) -> Entry:
    amount = loan.write_off(posting.on, reason)
    return _post(group, ledger.write_off(group.id, loan.member_id, loan.id, amount, posting))


def _require_cash(group: Group, amount: Decimal, field: str) -> None:
    if amount > group.balances.cash:
        raise Conflict(
            "the group's cash does not cover this",
            [FieldError(field, "more than the group's cash")],
            allowed=[],
        )


def _post(group: Group, entry: Entry) -> Entry:
    group.post(entry)
    return entry
