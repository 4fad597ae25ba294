"""Arrears ageing (1-30, 31-60, 61-90, over 90 days) and portfolio at risk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from services.funding.domain.money import ZERO
from services.funding.vocabulary import BUCKETS, CENT, PAR_THRESHOLDS


def bucket_of(days_overdue: int) -> str:
    if days_overdue <= 0:
        return "current"
    if days_overdue <= 30:
        return "1-30"
    if days_overdue <= 60:
        return "31-60"
    return "61-90" if days_overdue <= 90 else "over-90"


@dataclass(frozen=True)
class Arrears:
    days_overdue: int
    amount: Decimal
    oldest_due_on: date | None

    @classmethod
    def none(cls) -> Arrears:
        return cls(0, ZERO, None)

    @property
    def bucket(self) -> str:
        return bucket_of(self.days_overdue)


def arrears_of(installments: Iterable[tuple[date, Decimal]], as_of: date) -> Arrears:
    """Installments as (due date, unpaid amount): what fell due before `as_of` and is unpaid.
    An installment due today is not late until tomorrow."""
    late = [(due, unpaid) for due, unpaid in installments if due < as_of and unpaid > 0]
    if not late:
        return Arrears.none()
    oldest = min(due for due, _ in late)
    return Arrears((as_of - oldest).days, sum((u for _, u in late), ZERO), oldest)


@dataclass(frozen=True)
class Position:
    """One disbursed loan as the portfolio report sees it."""

    loan_id: str
    group_id: str
    outstanding: Decimal
    arrears: Arrears


@dataclass
class BucketTotals:
    loans: int = 0
    outstanding: Decimal = ZERO
    arrears: Decimal = ZERO


@dataclass
class Portfolio:
    buckets: dict[str, BucketTotals] = field(default_factory=lambda: _empty_buckets())
    outstanding: Decimal = ZERO
    at_risk: dict[str, Decimal] = field(default_factory=dict)  # PAR name -> principal at risk

    @property
    def loans(self) -> int:
        return sum(b.loans for b in self.buckets.values())

    def par_percent(self, name: str) -> Decimal:
        """Principal at risk as a percentage of all outstanding principal (2 places)."""
        if self.outstanding == 0:
            return ZERO
        return (self.at_risk.get(name, ZERO) * 100 / self.outstanding).quantize(CENT)


def _empty_buckets() -> dict[str, BucketTotals]:
    return {name: BucketTotals() for name in BUCKETS}


def age(positions: Iterable[Position]) -> Portfolio:
    portfolio = Portfolio()
    for position in positions:
        totals = portfolio.buckets[position.arrears.bucket]
        totals.loans += 1
        totals.outstanding += position.outstanding
        totals.arrears += position.arrears.amount
        portfolio.outstanding += position.outstanding
        for name, days in PAR_THRESHOLDS.items():
            if position.arrears.days_overdue >= days:
                portfolio.at_risk[name] = portfolio.at_risk.get(name, ZERO) + position.outstanding
    return portfolio
