"""A loan's life: transitions, maker-checker, how repayments are allocated, arrears, write-off."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from infra.errors import Conflict, Forbidden, ValidationFailed
from services.funding.domain.loan import Loan, LoanStatus
from services.funding.vocabulary import InterestMethod

NOW = datetime(2026, 1, 15, 3, tzinfo=UTC)
D = Decimal


def loan(principal="1200.00", term=6, method=InterestMethod.DECLINING, rate="12") -> Loan:
    return Loan("g", "m", D(principal), term, "rice", D(rate), method, "maker", NOW)


def disbursed(**kwargs) -> Loan:
    made = loan(**kwargs)
    made.approve("checker", None, NOW)
    made.disburse(date(2026, 1, 15))
    return made


def test_the_recorder_and_the_borrower_cannot_approve():
    applied = loan()
    with pytest.raises(Forbidden):
        applied.approve("maker", None, NOW)
    with pytest.raises(Forbidden):
        applied.approve("borrower", "borrower", NOW)
    assert applied.status is LoanStatus.APPLIED and applied.version == 1
    applied.approve("checker", "borrower", NOW)
    assert (applied.status, applied.decided_by, applied.version) == ("approved", "checker", 2)


@pytest.mark.parametrize(
    "action, allowed",
    [("approve", ["disburse", "reject"]), ("repay", ["disburse", "reject"])],
)
def test_an_illegal_step_is_a_conflict_that_says_what_is_allowed(action, allowed):
    approved = loan()
    approved.approve("checker", None, NOW)
    with pytest.raises(Conflict) as refused:
        if action == "approve":
            approved.approve("someone", None, NOW)
        else:
            approved.repay(D("10"), date(2026, 2, 1))
    assert refused.value.extra["allowed"] == allowed


def test_a_repayment_pays_interest_before_principal_and_installments_in_order():
    lent = disbursed()  # 200 principal + 12, 10, 8, 6, 4, 2 interest
    first = lent.repay(D("5.00"), date(2026, 2, 1))
    assert (first.interest, first.principal) == (D("5.00"), D("0.00"))
    second = lent.repay(D("300.00"), date(2026, 2, 1))
    assert (second.interest, second.principal) == (D("7.00") + D("10.00"), D("283.00"))
    assert lent.outstanding_principal == D("917.00")


def test_paying_ahead_covers_the_next_installments():
    lent = disbursed()
    lent.repay(D("422.00"), date(2026, 2, 1))  # both February's and March's installments
    assert lent.arrears(date(2026, 3, 20)).days_overdue == 0
    assert lent.arrears(date(2026, 4, 16)).days_overdue == 1


def test_settling_early_waives_the_interest_of_later_installments():
    lent = disbursed()
    on = date(2026, 2, 20)  # March's installment is running
    assert lent.payoff(on) == D("1200.00") + D("12.00") + D("10.00")
    settled = lent.repay(lent.payoff(on), on)
    assert settled.waived_interest == D("8") + D("6") + D("4") + D("2")
    assert (lent.status, lent.closed_on, lent.outstanding_principal) == ("closed", on, D("0"))


def test_more_than_the_payoff_and_payments_before_disbursement_are_refused():
    lent = disbursed()
    with pytest.raises(ValidationFailed) as too_much:
        lent.repay(lent.payoff(date(2026, 2, 1)) + D("0.01"), date(2026, 2, 1))
    assert too_much.value.errors[0].field == "amount_thb"
    with pytest.raises(ValidationFailed) as too_early:
        lent.repay(D("10"), date(2026, 1, 14))
    assert too_early.value.errors[0].field == "on"
    assert lent.version == 3


def test_arrears_count_from_the_oldest_unpaid_due_date():
    lent = disbursed()
    assert lent.arrears(date(2026, 2, 15)).days_overdue == 0  # due today: not late yet
    late = lent.arrears(date(2026, 3, 20))
    assert (late.days_overdue, late.amount, late.bucket) == (33, D("422.00"), "31-60")


def test_catching_up_closes_an_arrears_episode():
    lent = disbursed()
    lent.repay(D("100"), date(2026, 2, 20))
    assert lent.arrears_episode == 0
    lent.repay(D("112"), date(2026, 2, 21))
    assert lent.arrears_episode == 1


def test_only_a_loan_more_than_90_days_overdue_is_written_off():
    lent = disbursed()
    with pytest.raises(Conflict):
        lent.write_off(date(2026, 5, 16), "moved")  # 90 days after 15 Feb
    assert lent.write_off(date(2026, 5, 17), "moved") == D("1200.00")
    assert (lent.status, lent.outstanding_principal, lent.owed_principal) == ("written_off", 0, 0)
