"""Loans: application, maker-checker approval, disbursement, repayments, closing, write-off."""

from decimal import Decimal

import pytest

from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from tests.integration.funding.checks import assert_books_balance
from tests.integration.funding.desk import ADMIN, officer, rules


def schedule_of(loan):
    return [(i["due_on"], i["principal_thb"], i["interest_thb"]) for i in loan["schedule"]]


def test_a_declining_balance_loan_from_application_to_early_settlement(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "5000.00")
    applied = desk.apply(maker, member["id"], "3000.00", term_months=3)
    assert applied["status"] == "applied" and applied["recorded_by"] == maker.person_id
    approved = desk.approve(checker, applied["id"], version=applied["version"])
    assert (approved["status"], approved["decided_by"]) == ("approved", checker.person_id)

    loan = desk.disburse(maker, applied["id"])  # 21 Nov 2026, 12% a year, declining
    assert schedule_of(loan) == [
        ("2026-12-21", "1000.00", "30.00"),
        ("2027-01-21", "1000.00", "20.00"),
        ("2027-02-21", "1000.00", "10.00"),
    ]
    desk.pass_days(30)
    paid = desk.repay(maker, loan["id"], "1030.00")
    assert (paid["principal_thb"], paid["interest_thb"]) == ("1000.00", "30.00")

    desk.pass_days(10)  # 31 Dec: the January installment is running
    payoff = desk.get_loan(maker, loan["id"])["payoff_thb"]
    assert payoff == "2020.00"  # 2000 principal + January's interest; February's is waived
    settled = desk.repay(maker, loan["id"], payoff)
    assert (settled["loan_status"], settled["interest_waived_thb"]) == ("closed", "10.00")
    balances = desk.get_group(maker, group["id"])["balances"]
    assert balances["retained_income_thb"] == "50.00"
    assert balances["loans_outstanding_thb"] == "0.00"
    assert_books_balance(desk.uow, group["id"])


def test_a_flat_loan_charges_interest_on_the_original_principal(desk):
    group, maker, checker = desk.ready_group(rules=rules(interest_method="flat"))
    member = desk.borrower(group["id"], maker, "5000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "1000.00", term_months=3)
    assert schedule_of(loan) == [
        ("2026-12-21", "333.33", "10.00"),
        ("2027-01-21", "333.33", "10.00"),
        ("2027-02-21", "333.34", "10.00"),
    ]


def test_approving_a_loan_one_recorded_is_refused_and_the_loan_stays_applied(desk):
    group, maker, _ = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.apply(maker, member["id"], "500.00")
    with pytest.raises(Forbidden, match="other than the one who recorded it"):
        desk.approve(maker, loan["id"])
    assert desk.get_loan(maker, loan["id"])["status"] == "applied"


def test_a_committee_member_cannot_approve_a_loan_to_themselves(desk):
    group, maker, checker = desk.ready_group()
    member = desk.add_member(maker, group["id"], person_id=checker.person_id)
    desk.deposit(maker, member["id"], "1000.00")
    loan = desk.apply(maker, member["id"], "500.00")
    with pytest.raises(Forbidden, match="to themselves"):
        desk.approve(checker, loan["id"])


@pytest.mark.parametrize(
    "amount, term, field",
    [("2000.01", 6, "amount_thb"), ("500.00", 25, "term_months")],
)
def test_a_loan_outside_the_group_rules_is_refused_and_nothing_is_recorded(
    desk, amount, term, field
):
    group, maker, _ = desk.ready_group()  # 2 x savings, 24 months at most
    member = desk.borrower(group["id"], maker, "1000.00")
    with pytest.raises(ValidationFailed) as refused:
        desk.apply(maker, member["id"], amount, term_months=term)
    assert [e.field for e in refused.value.errors] == [field]
    assert desk.get_member(maker, member["id"])["can_borrow_thb"] == "2000.00"


@pytest.mark.parametrize("amount", ["0", "-500.00", "500.005"])
def test_a_bad_loan_amount_names_the_field_and_records_nothing(desk, amount):
    group, maker, _ = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    with pytest.raises(ValidationFailed) as refused:
        desk.apply(maker, member["id"], amount)
    assert [e.field for e in refused.value.errors] == ["amount_thb"]
    assert desk.get_member(maker, member["id"])["can_borrow_thb"] == "2000.00"
    assert desk.loans(maker, group["id"])["items"] == []


def test_the_limit_counts_what_the_member_already_owes(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    desk.borrower(group["id"], maker, "1000.00")  # another member's savings: cash to lend
    desk.disbursed_loan(group["id"], maker, checker, member["id"], "1500.00")
    assert desk.get_member(maker, member["id"])["can_borrow_thb"] == "500.00"
    with pytest.raises(ValidationFailed, match="outside the group's rules"):
        desk.apply(maker, member["id"], "500.01")


@pytest.mark.parametrize("amount", ["0", "-10.00", "10.001"])
def test_a_bad_repayment_amount_names_the_field_and_changes_nothing(desk, amount):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "600.00")
    with pytest.raises(ValidationFailed) as refused:
        desk.repay(maker, loan["id"], amount)
    assert refused.value.errors[0].field == "amount_thb"
    assert desk.get_loan(maker, loan["id"])["outstanding_principal_thb"] == "600.00"


def test_paying_more_than_settles_the_loan_is_refused(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "600.00")
    payoff = desk.get_loan(maker, loan["id"])["payoff_thb"]
    with pytest.raises(ValidationFailed, match="amount_thb"):
        desk.repay(maker, loan["id"], str(Decimal(payoff) + Decimal("0.01")))


def test_a_repayment_on_a_closed_loan_is_a_conflict_and_changes_nothing(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "600.00")
    desk.repay(maker, loan["id"], desk.get_loan(maker, loan["id"])["payoff_thb"])
    before = desk.get_group(maker, group["id"])["balances"]
    with pytest.raises(Conflict) as refused:
        desk.repay(maker, loan["id"], "10.00")
    assert refused.value.extra["allowed"] == []
    assert [e.field for e in refused.value.errors] == ["loan_id"]
    assert desk.get_group(maker, group["id"])["balances"] == before


def test_late_then_caught_up_ends_the_arrears(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "2000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "1200.00", term_months=6)
    desk.pass_days(45)  # the first installment (due 21 Dec) is 15 days late
    late = desk.get_loan(maker, loan["id"])["arrears"]
    assert (late["days_overdue"], late["bucket"], late["amount_thb"]) == (15, "1-30", "212.00")
    desk.repay(maker, loan["id"], "100.00")  # partial: still late
    assert desk.get_loan(maker, loan["id"])["arrears"]["amount_thb"] == "112.00"
    desk.repay(maker, loan["id"], "112.00")
    assert desk.get_loan(maker, loan["id"])["arrears"]["bucket"] == "current"


def test_a_loan_is_written_off_only_after_90_days_overdue(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "2000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "1200.00", term_months=6)
    desk.pass_days(30 + 90)  # 90 days after the first due date
    with pytest.raises(Conflict, match="more than 90 days overdue"):
        desk.write_off(maker, loan["id"])
    desk.pass_days(1)
    written = desk.write_off(maker, loan["id"], reason="the family moved to Bangkok")
    assert (written["status"], written["written_off_thb"]) == ("written_off", "1200.00")
    balances = desk.get_group(maker, group["id"])["balances"]
    assert balances["retained_income_thb"] == "-1200.00"
    assert balances["loans_outstanding_thb"] == "0.00"
    assert_books_balance(desk.uow, group["id"])


def test_a_stale_version_is_refused(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.apply(maker, member["id"], "500.00")
    with pytest.raises(PreconditionFailed) as stale:
        desk.approve(checker, loan["id"], version=loan["version"] + 1)
    assert stale.value.extra["current_version"] == loan["version"]


def test_a_loan_the_group_cash_cannot_pay_is_not_disbursed(desk):
    group, maker, checker = desk.ready_group(rules=rules(max_loan_multiple="5"))
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.apply(maker, member["id"], "1500.00")
    desk.approve(checker, loan["id"])
    with pytest.raises(Conflict, match="cash"):
        desk.disburse(maker, loan["id"])
    assert desk.get_loan(maker, loan["id"])["status"] == "approved"


def test_a_rejected_loan_no_longer_counts_against_the_limit(desk):
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.apply(maker, member["id"], "2000.00")
    assert desk.get_member(maker, member["id"])["can_borrow_thb"] == "0.00"
    rejected = desk.reject(checker, loan["id"], reason="pays back the last loan first")
    assert rejected["status"] == "rejected" and rejected["allowed"] == []
    assert desk.get_member(maker, member["id"])["can_borrow_thb"] == "2000.00"


def test_an_officer_of_another_group_does_not_see_the_loan(desk):
    group, maker, _ = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.apply(maker, member["id"], "500.00")
    stranger = officer()
    with pytest.raises(NotFound):
        desk.approve(stranger, loan["id"])
    assert desk.get_loan(ADMIN, loan["id"])["status"] == "applied"
