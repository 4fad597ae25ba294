"""Money in storage: integer satang, exact on SQLite and PostgreSQL alike (never float)."""

from __future__ import annotations

from decimal import Decimal

SATANG_PER_BAHT = 100


def to_satang(baht: Decimal) -> int:
    """Baht to satang; refuses anything finer than one satang instead of rounding it away."""
    satang = baht * SATANG_PER_BAHT
    if satang != satang.to_integral_value():
        raise ValueError("amounts are exact to the satang (two decimal places)")
    return int(satang)


def from_satang(satang: int) -> Decimal:
    return (Decimal(satang) / SATANG_PER_BAHT).quantize(Decimal("0.01"))


MAX_BAHT = Decimal("100000000")  # 100 million baht: more than any household figure or group loan


def money_problem(amount: Decimal, *, maximum: Decimal = MAX_BAHT) -> str | None:
    """Why `amount` is not a usable amount of baht, or None. Checks the size before the satang:
    quantizing an absurdly large number raises instead of answering."""
    if not amount.is_finite():
        return "not a number"
    if amount < 0:
        return "must not be negative"
    if amount > maximum:
        return f"more than {maximum:,} baht"
    if amount != amount.quantize(Decimal("0.01")):
        return "at most two decimal places (satang)"
    return None
