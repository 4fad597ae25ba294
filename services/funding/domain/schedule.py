"""Repayment schedules: monthly installments that follow the group's interest method.

Principal is split evenly (the last installment takes the satang rounding left over).
- flat: interest is `principal x rate x term`, fixed at disbursement and split evenly;
- declining balance: each month's interest is the balance still owed that month times the
  monthly rate (annual / 12), rounded half up to the satang.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from services.funding.domain.money import ZERO, round_satang, split_evenly
from services.funding.vocabulary import InterestMethod

MONTHS_PER_YEAR_PERCENT = Decimal(1200)  # 12 months x 100 percent


@dataclass
class Installment:
    seq: int
    due_on: date
    principal: Decimal
    interest: Decimal
    principal_paid: Decimal = ZERO
    interest_paid: Decimal = ZERO
    changed: bool = field(default=False, compare=False)  # to be written back

    @property
    def unpaid_principal(self) -> Decimal:
        return self.principal - self.principal_paid

    @property
    def unpaid_interest(self) -> Decimal:
        return self.interest - self.interest_paid

    @property
    def unpaid(self) -> Decimal:
        return self.unpaid_principal + self.unpaid_interest

    def pay(self, amount: Decimal) -> tuple[Decimal, Decimal]:
        """Interest first, then principal; returns (principal, interest) taken from `amount`."""
        interest = min(amount, self.unpaid_interest)
        principal = min(amount - interest, self.unpaid_principal)
        self.interest_paid += interest
        self.principal_paid += principal
        self.changed = self.changed or bool(principal or interest)
        return principal, interest

    def waive_interest(self) -> Decimal:
        """Drop the interest not yet paid (early settlement); returns how much."""
        waived, self.interest = self.unpaid_interest, self.interest_paid
        self.changed = self.changed or bool(waived)
        return waived


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or that month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def build_schedule(
    principal: Decimal, annual_rate: Decimal, method: InterestMethod, term: int, start: date
) -> list[Installment]:
    parts = split_evenly(principal, term)
    if method is InterestMethod.FLAT:
        total = round_satang(principal * annual_rate * term / MONTHS_PER_YEAR_PERCENT)
        interests = split_evenly(total, term)
    else:
        interests = _declining_interest(parts, annual_rate)
    return [
        Installment(seq, add_months(start, seq), part, interest)
        for seq, (part, interest) in enumerate(zip(parts, interests, strict=True), start=1)
    ]


def _declining_interest(parts: list[Decimal], annual_rate: Decimal) -> list[Decimal]:
    balance = sum(parts, ZERO)
    interests = []
    for part in parts:
        interests.append(round_satang(balance * annual_rate / MONTHS_PER_YEAR_PERCENT))
        balance -= part
    return interests
