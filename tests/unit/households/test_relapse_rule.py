"""Relapse (issue 16): graduated, then below the threshold in a later survey year."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from services.households.domain.relapse import relapsed

years = st.integers(2017, 2040)
money = st.decimals(0, 10**6, places=2)


@given(years, years, money, money)
def test_relapse_needs_a_later_year_and_an_income_below_the_threshold(
    graduated: int, surveyed: int, income: Decimal, threshold: Decimal
) -> None:
    assert relapsed(graduated, surveyed, income, threshold) == (
        surveyed > graduated and income < threshold
    )


@given(years, money)
def test_a_household_that_never_graduated_never_relapses(surveyed: int, income: Decimal) -> None:
    assert not relapsed(None, surveyed, income, Decimal(10**7))


@given(years, st.integers(1, 10), money, money, money)
def test_less_income_never_undoes_a_relapse(
    graduated: int, later: int, income: Decimal, less: Decimal, threshold: Decimal
) -> None:
    if relapsed(graduated, graduated + later, income, threshold):
        assert relapsed(graduated, graduated + later, max(income - less, Decimal(0)), threshold)
