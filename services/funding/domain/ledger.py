"""The group's double-entry books. Every money movement is one balanced entry.

Four accounts per group, debit positive and credit negative in every line:
cash (asset), loans (asset: principal outstanding), savings (liability: what members saved) and
income (retained income: interest received less loans written off). Because each entry sums to
zero, `cash + loans = savings + income` holds after every entry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from services.funding.domain.money import ZERO


class Account(StrEnum):
    CASH = "cash"
    LOANS = "loans"
    SAVINGS = "savings"
    INCOME = "income"


class EntryKind(StrEnum):
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    DISBURSEMENT = "disbursement"
    REPAYMENT = "repayment"
    WRITE_OFF = "write_off"


@dataclass(frozen=True)
class Line:
    account: Account
    amount: Decimal  # debit positive, credit negative
    member_id: str | None = None
    loan_id: str | None = None


@dataclass(frozen=True)
class Posting:
    """Who records a movement, for which day, and from which collection sheet."""

    on: date
    recorded_by: str
    recorded_at: datetime
    sheet_id: str | None = None


@dataclass(frozen=True)
class Entry:
    group_id: str
    kind: EntryKind
    amount: Decimal
    lines: tuple[Line, ...]
    posting: Posting
    member_id: str | None = None
    loan_id: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def __post_init__(self) -> None:
        if sum((line.amount for line in self.lines), ZERO) != 0:
            raise ValueError(f"an unbalanced {self.kind} entry")

    def transfers(self) -> list[Transfer]:
        """The entry as transfers, each debiting one account and crediting another by the same
        amount (how the ledger stores it): debits and credits matched in order."""
        debits = [[line.account, line.amount] for line in self.lines if line.amount > 0]
        credits = [[line.account, -line.amount] for line in self.lines if line.amount < 0]
        made: list[Transfer] = []
        while debits and credits:
            amount = min(debits[0][1], credits[0][1])
            made.append(Transfer(debits[0][0], credits[0][0], amount))
            for side in (debits, credits):
                side[0][1] -= amount
                if side[0][1] == 0:
                    side.pop(0)
        return made


@dataclass(frozen=True)
class Transfer:
    debit: Account
    credit: Account
    amount: Decimal


@dataclass
class Balances:
    """Account balances on their natural side: assets as debits, the rest as credits."""

    cash: Decimal = ZERO
    loans: Decimal = ZERO
    savings: Decimal = ZERO
    income: Decimal = ZERO

    def apply(self, entry: Entry) -> None:
        for line in entry.lines:
            if line.account is Account.CASH:
                self.cash += line.amount
            elif line.account is Account.LOANS:
                self.loans += line.amount
            elif line.account is Account.SAVINGS:
                self.savings -= line.amount
            else:
                self.income -= line.amount

    @property
    def balanced(self) -> bool:
        return self.cash + self.loans == self.savings + self.income


def deposit(group_id: str, member_id: str, amount: Decimal, posting: Posting) -> Entry:
    lines = (Line(Account.CASH, amount), Line(Account.SAVINGS, -amount, member_id=member_id))
    return Entry(group_id, EntryKind.DEPOSIT, amount, lines, posting, member_id=member_id)


def withdrawal(group_id: str, member_id: str, amount: Decimal, posting: Posting) -> Entry:
    lines = (Line(Account.SAVINGS, amount, member_id=member_id), Line(Account.CASH, -amount))
    return Entry(group_id, EntryKind.WITHDRAWAL, amount, lines, posting, member_id=member_id)


def disbursement(
    group_id: str, member_id: str, loan_id: str, amount: Decimal, posting: Posting
) -> Entry:
    lines = (Line(Account.LOANS, amount, loan_id=loan_id), Line(Account.CASH, -amount))
    return Entry(group_id, EntryKind.DISBURSEMENT, amount, lines, posting, member_id, loan_id)


def repayment(
    group_id: str,
    member_id: str,
    loan_id: str,
    principal: Decimal,
    interest: Decimal,
    posting: Posting,
) -> Entry:
    lines = [Line(Account.CASH, principal + interest)]
    if principal:
        lines.append(Line(Account.LOANS, -principal, loan_id=loan_id))
    if interest:
        lines.append(Line(Account.INCOME, -interest, loan_id=loan_id))
    amount = principal + interest
    return Entry(group_id, EntryKind.REPAYMENT, amount, tuple(lines), posting, member_id, loan_id)


def write_off(
    group_id: str, member_id: str, loan_id: str, amount: Decimal, posting: Posting
) -> Entry:
    lines = (
        Line(Account.INCOME, amount, loan_id=loan_id),
        Line(Account.LOANS, -amount, loan_id=loan_id),
    )
    return Entry(group_id, EntryKind.WRITE_OFF, amount, lines, posting, member_id, loan_id)
