"""Group rules, money input, area codes, routing a request to the nearest group, ageing."""

from decimal import Decimal

import pytest

from infra.areas import district_code_problem, village_code_problem
from services.funding.domain.access import choose_group
from services.funding.domain.arrears import Arrears, Position, age, bucket_of
from services.funding.domain.money import split_evenly
from services.funding.domain.rules import Rules
from services.funding.vocabulary import InterestMethod, amount_problem

D = Decimal


@pytest.mark.parametrize(
    "value, problem",
    [
        ("0", "must be more than zero"),
        ("-0.01", "must be more than zero"),
        ("1.005", "at most two decimal places (satang)"),
        ("NaN", "must be a number"),
        ("100000000.01", "is larger than any amount this system accepts"),
        ("0.01", None),
        ("1E+3", None),
    ],
)
def test_payable_amounts(value, problem):
    assert amount_problem(D(value)) == problem


def test_even_shares_add_up_exactly():
    assert split_evenly(D("100.00"), 3) == [D("33.33"), D("33.33"), D("33.34")]
    assert split_evenly(D("0.00"), 2) == [D("0.00"), D("0.00")]


def test_the_loan_limit_is_a_multiple_of_savings_rounded_down():
    rules = Rules(D("100"), D("12"), InterestMethod.FLAT, D("1.5"), 12)
    assert rules.loan_limit(D("333.33")) == D("499.99")
    assert rules.problems() == []


def test_rules_name_each_bad_field():
    rules = Rules(D("-1"), D("61"), InterestMethod.FLAT, D("0"), 121, D("0.001"))
    assert [p.field for p in rules.problems()] == [
        "rules.min_monthly_saving_thb",
        "rules.annual_interest_rate",
        "rules.max_loan_multiple",
        "rules.max_term_months",
        "rules.min_savings_balance_thb",
    ]


def test_area_codes_are_checked_against_the_dopa_list():
    assert village_code_problem("24010101") is None
    assert village_code_problem("24010100") == "village number 00 does not exist"
    assert village_code_problem("99990101") == "no such sub-district (tambon)"
    assert village_code_problem("2401010") is not None
    assert district_code_problem("2401") is None
    assert district_code_problem("2499") == "no such district (amphoe)"


def test_a_request_goes_to_the_nearest_group_of_the_district():
    groups = [("far", "24020101"), ("district", "24010301"), ("tambon", "24010102")]
    assert choose_group("24010105", groups) == "tambon"
    assert choose_group("24010103", [*groups, ("village", "24010103")]) == "village"
    assert choose_group("24010401", groups) == "district"
    assert choose_group("24030101", groups) is None


@pytest.mark.parametrize(
    "days, bucket",
    [
        (0, "current"),
        (1, "1-30"),
        (30, "1-30"),
        (31, "31-60"),
        (60, "31-60"),
        (61, "61-90"),
        (90, "61-90"),
        (91, "over-90"),
    ],
)
def test_ageing_buckets(days, bucket):
    assert bucket_of(days) == bucket


def test_portfolio_at_risk_counts_the_whole_outstanding_principal_of_late_loans():
    def position(outstanding, days):
        return Position("l", "g", D(outstanding), Arrears(days, D("1"), None))

    portfolio = age([position("600", 0), position("300", 45), position("100", 120)])
    assert portfolio.par_percent("par_1") == D("40.00")
    assert portfolio.par_percent("par_30") == D("40.00")
    assert portfolio.par_percent("par_90") == D("10.00")
    assert portfolio.buckets["31-60"].loans == 1
