"""Repayment schedules follow the group's method, exact to the satang."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from services.funding.domain.money import round_satang
from services.funding.domain.schedule import add_months, build_schedule
from services.funding.vocabulary import InterestMethod

PRINCIPALS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2)
RATES = st.decimals(min_value=0, max_value=60, places=2)
TERMS = st.integers(1, 120)


def test_a_month_later_keeps_the_day_or_takes_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 21), 2) == date(2027, 1, 21)
    assert add_months(date(2026, 3, 31), 12) == date(2027, 3, 31)


def test_declining_balance_charges_each_month_on_what_is_still_owed():
    rows = build_schedule(
        Decimal("10000"), Decimal("12"), InterestMethod.DECLINING, 4, date(2026, 1, 15)
    )
    assert [(r.principal, r.interest) for r in rows] == [
        (Decimal("2500.00"), Decimal("100.00")),
        (Decimal("2500.00"), Decimal("75.00")),
        (Decimal("2500.00"), Decimal("50.00")),
        (Decimal("2500.00"), Decimal("25.00")),
    ]


def test_flat_charges_the_original_principal_for_the_whole_term():
    rows = build_schedule(Decimal("1000"), Decimal("10"), InterestMethod.FLAT, 3, date(2026, 1, 15))
    assert [(r.principal, r.interest) for r in rows] == [
        (Decimal("333.33"), Decimal("8.33")),
        (Decimal("333.33"), Decimal("8.33")),
        (Decimal("333.34"), Decimal("8.34")),
    ]


@given(PRINCIPALS, RATES, TERMS, st.sampled_from(list(InterestMethod)))
def test_the_installments_add_up_to_the_principal_exactly(principal, rate, term, method):
    rows = build_schedule(principal, rate, method, term, date(2026, 1, 31))
    assert len(rows) == term
    assert sum(r.principal for r in rows) == principal
    assert all(r.principal >= 0 and r.interest >= 0 for r in rows)
    assert all(v == v.quantize(Decimal("0.01")) for r in rows for v in (r.principal, r.interest))
    assert [r.due_on for r in rows] == sorted({r.due_on for r in rows})


@given(PRINCIPALS, RATES, TERMS)
def test_flat_interest_is_principal_times_rate_times_term(principal, rate, term):
    rows = build_schedule(principal, rate, InterestMethod.FLAT, term, date(2026, 1, 1))
    assert sum(r.interest for r in rows) == round_satang(principal * rate * term / 1200)


@given(PRINCIPALS, RATES, TERMS)
def test_declining_interest_never_exceeds_flat_interest(principal, rate, term):
    flat = build_schedule(principal, rate, InterestMethod.FLAT, term, date(2026, 1, 1))
    declining = build_schedule(principal, rate, InterestMethod.DECLINING, term, date(2026, 1, 1))
    # each month's rounding may add half a satang
    slack = Decimal("0.01") * term
    assert sum(r.interest for r in declining) <= sum(r.interest for r in flat) + slack
