"""Money in the funding domain: `Decimal` baht, exact to the satang, never float."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from infra.errors import ValidationFailed
from services.funding.vocabulary import CENT, amount_problem

ZERO = Decimal("0.00")
# Thailand keeps UTC+7 all year: the day of a meeting or a due date is a Bangkok day.
BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")


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
