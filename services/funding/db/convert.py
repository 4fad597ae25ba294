"""Between domain values and columns: baht and satang, percentages and integer hundredths."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from infra.money import to_satang
from services.funding.domain.rules import Rules
from services.funding.vocabulary import InterestMethod

__all__ = ["from_satang", "hundredths", "rules_columns", "rules_of", "to_satang", "unhundredths"]


def from_satang(satang: int) -> Decimal:
    """The same value as `infra.money.from_satang`, without its quantize (installments are read
    by the hundred): exact, though 150 satang reads as 1.5; every answer and event shows two
    places."""
    return Decimal(satang) / HUNDRED


HUNDRED = Decimal(100)


def hundredths(value: Decimal) -> int:
    return to_satang(value)  # the same exact x100, refusing anything finer


def unhundredths(value: int) -> Decimal:
    return from_satang(value)


def rules_columns(rules: Rules) -> dict[str, object]:
    return {
        "min_monthly_saving_satang": to_satang(rules.min_monthly_saving),
        "interest_rate_bp": hundredths(rules.annual_interest_rate),
        "interest_method": rules.interest_method.value,
        "max_loan_multiple_pct": hundredths(rules.max_loan_multiple),
        "max_term_months": rules.max_term_months,
        "min_savings_balance_satang": to_satang(rules.min_savings_balance),
    }


def rules_of(row: Any) -> Rules:
    return Rules(
        min_monthly_saving=from_satang(row.min_monthly_saving_satang),
        annual_interest_rate=unhundredths(row.interest_rate_bp),
        interest_method=InterestMethod(row.interest_method),
        max_loan_multiple=unhundredths(row.max_loan_multiple_pct),
        max_term_months=row.max_term_months,
        min_savings_balance=from_satang(row.min_savings_balance_satang),
    )
