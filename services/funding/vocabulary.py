"""The words the funding service shares with its clients: a payable amount (exact to the
satang), the committee's roles, the interest methods and the longest term, the kinds of line on
a collection sheet, and the arrears buckets and portfolio-at-risk thresholds of a portfolio.
Plain values: the domain gives them their rules, and the gateway's schemas read them without
loading the domain."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

CENT = Decimal("0.01")
# Far above any community fund; stops absurd input before it reaches a column.
MAX_AMOUNT = Decimal("100000000.00")
MAX_TERM_MONTHS = 120
BUCKETS = ("current", "1-30", "31-60", "61-90", "over-90")
# Portfolio at risk, as microfinance reports it: PAR30 is the principal of loans more than 30
# days overdue. Name -> the fewest days overdue it counts.
PAR_THRESHOLDS = {"par_1": 1, "par_30": 31, "par_60": 61, "par_90": 91}


def amount_problem(value: Decimal) -> str | None:
    """Why `value` is not a payable amount, or None. Never repeats the value."""
    if not value.is_finite():
        return "must be a number"
    if value <= 0:
        return "must be more than zero"
    if value > MAX_AMOUNT:
        return "is larger than any amount this system accepts"
    if value != value.quantize(CENT):
        return "at most two decimal places (satang)"
    return None


class CommitteeRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    TREASURER = "treasurer"
    SECRETARY = "secretary"
    MEMBER = "member"


class InterestMethod(StrEnum):
    FLAT = "flat"  # interest on the original principal for the whole term (ดอกเบี้ยคงที่)
    DECLINING = "declining"  # interest on the balance still owed (ลดต้นลดดอก)


class LineKind(StrEnum):
    DEPOSIT = "deposit"
    REPAYMENT = "repayment"
