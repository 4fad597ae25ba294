"""A savings group's rules: what members save and what, and how, they may borrow."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from infra.errors import FieldError
from services.funding.domain.money import ZERO, floor_satang
from services.funding.vocabulary import CENT, MAX_AMOUNT, MAX_TERM_MONTHS, InterestMethod

MAX_RATE_PERCENT = Decimal("60")
MAX_MULTIPLE = Decimal("100")


@dataclass(frozen=True)
class Rules:
    min_monthly_saving: Decimal  # เงินสัจจะ: the least a member deposits each month
    annual_interest_rate: Decimal  # percent a year: 12 means 1% a month
    interest_method: InterestMethod
    max_loan_multiple: Decimal  # a member owes at most this many times their savings
    max_term_months: int
    min_savings_balance: Decimal = ZERO  # what a member keeps while a member

    def problems(self, prefix: str = "rules") -> list[FieldError]:
        checks = [
            ("min_monthly_saving_thb", _money_problem(self.min_monthly_saving)),
            ("annual_interest_rate", _ranged(self.annual_interest_rate, ZERO, MAX_RATE_PERCENT)),
            ("max_loan_multiple", _ranged(self.max_loan_multiple, CENT, MAX_MULTIPLE)),
            ("max_term_months", _term_problem(self.max_term_months)),
            ("min_savings_balance_thb", _money_problem(self.min_savings_balance)),
        ]
        return [FieldError(f"{prefix}.{name}", problem) for name, problem in checks if problem]

    def loan_limit(self, savings: Decimal) -> Decimal:
        """The most a member with `savings` may owe the group at once."""
        return floor_satang(savings * self.max_loan_multiple)


def _money_problem(value: Decimal) -> str | None:
    if value < 0:
        return "must not be negative"
    if value > MAX_AMOUNT:
        return "is larger than any amount this system accepts"
    if value != value.quantize(CENT):
        return "at most two decimal places (satang)"
    return None


def _ranged(value: Decimal, low: Decimal, high: Decimal) -> str | None:
    if not low <= value <= high:
        return f"must be between {low} and {high}"
    if value != value.quantize(CENT):
        return "at most two decimal places"
    return None


def _term_problem(months: int) -> str | None:
    return None if 1 <= months <= MAX_TERM_MONTHS else f"must be 1 to {MAX_TERM_MONTHS} months"
