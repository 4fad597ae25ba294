"""Money in the funding domain: `Decimal` baht, exact to the satang, never float."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from infra.errors import ValidationFailed

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# Far above any community fund; stops absurd input before it reaches a column.
MAX_AMOUNT = Decimal("100000000.00")
# Thailand keeps UTC+7 all year: the day of a meeting or a due date is a Bangkok day.
BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")


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


def require_amount(field: str, value: Decimal) -> Decimal:
    problem = amount_problem(value)
    if problem:
        raise ValidationFailed.on(field, problem)
    return value.quantize(CENT)


def round_satang(value: Decimal) -> Decimal:
    """Half a satang and up rounds up: the rule for interest."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def floor_satang(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """`parts` equal shares to the satang; the last one takes what rounding left over."""
    share = floor_satang(total / parts)
    return [share] * (parts - 1) + [total - share * (parts - 1)]


def bangkok_date(moment: datetime) -> date:
    return moment.astimezone(BANGKOK).date()
