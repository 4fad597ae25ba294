from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.money import from_satang, money_problem, to_satang


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_satang_round_trip_is_exact(satang):
    assert to_satang(from_satang(satang)) == satang


def test_fractions_of_a_satang_are_refused_not_rounded():
    with pytest.raises(ValueError):
        to_satang(Decimal("1.005"))


@pytest.mark.parametrize(
    "amount, problem",
    [
        ("1.7976931348623157e+308", "more than"),
        ("Infinity", "not a number"),
        ("-1", "negative"),
        ("1.005", "two decimal places"),
        ("NaN", "not a number"),
    ],
)
def test_unusable_amounts_are_named_without_raising(amount, problem):
    assert problem in (money_problem(Decimal(amount)) or "")


def test_usable_amounts_pass():
    assert money_problem(Decimal("100000000.00")) is None and money_problem(Decimal("0")) is None
