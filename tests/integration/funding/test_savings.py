"""Members' savings: deposits, withdrawals within the rules, balances kept with the ledger."""

import pytest

from infra.errors import Conflict, ValidationFailed
from tests.integration.funding.checks import assert_books_balance
from tests.integration.funding.desk import ADMIN, rules


def test_deposits_and_withdrawals_move_member_and_group_balances_with_the_ledger(desk):
    group, maker, _ = desk.ready_group()
    malee = desk.add_member(maker, group["id"])
    somchai = desk.add_member(maker, group["id"], first_name="Somchai")
    desk.deposit(maker, malee["id"], "300.00")
    desk.deposit(maker, somchai["id"], "150.50")
    answer = desk.withdraw(maker, malee["id"], "120.25")

    assert answer["kind"] == "withdrawal" and answer["savings_thb"] == "179.75"
    assert desk.get_member(maker, malee["id"])["savings_thb"] == "179.75"
    balances = desk.get_group(maker, group["id"])["balances"]
    assert balances == {
        "cash_thb": "330.25",
        "loans_outstanding_thb": "0.00",
        "savings_thb": "330.25",
        "retained_income_thb": "0.00",
    }
    assert (somchai["member_no"], malee["member_no"]) == (2, 1)
    assert_books_balance(desk.uow, group["id"])


@pytest.mark.parametrize(
    "amount, message",
    [
        ("0", "must be more than zero"),
        ("-50.00", "must be more than zero"),
        ("100.005", "at most two decimal places (satang)"),
        ("99.99", "less than the group's minimum monthly saving"),
    ],
)
def test_a_bad_deposit_names_the_amount_and_changes_nothing(desk, amount, message):
    group, maker, _ = desk.ready_group()
    member = desk.add_member(maker, group["id"])
    with pytest.raises(ValidationFailed) as refused:
        desk.deposit(maker, member["id"], amount)
    assert [(e.field, e.message) for e in refused.value.errors] == [("amount_thb", message)]
    assert desk.get_member(maker, member["id"])["savings_thb"] == "0.00"
    assert desk.entries(maker, group["id"])["items"] == []


@pytest.mark.parametrize("amount", ["0", "-1", "1.001"])
def test_a_bad_withdrawal_amount_is_refused_and_nothing_moves(desk, amount):
    group, maker, _ = desk.ready_group()
    member = desk.add_member(maker, group["id"])
    desk.deposit(maker, member["id"], "500.00")
    with pytest.raises(ValidationFailed) as refused:
        desk.withdraw(maker, member["id"], amount)
    assert refused.value.errors[0].field == "amount_thb"
    assert desk.get_member(maker, member["id"])["savings_thb"] == "500.00"


def test_withdrawals_stay_within_the_rules(desk):
    group, maker, checker = desk.ready_group(rules=rules(min_savings_balance_thb="50.00"))
    member = desk.borrower(group["id"], maker, "1000.00")

    with pytest.raises(ValidationFailed, match="more than the member's savings"):
        desk.withdraw(maker, member["id"], "1000.01")
    with pytest.raises(ValidationFailed, match="less than the group's minimum balance"):
        desk.withdraw(maker, member["id"], "960.00")

    desk.disbursed_loan(group["id"], maker, checker, member["id"], "1000.00")  # 2 x savings
    with pytest.raises(ValidationFailed, match="loans need these savings as cover"):
        desk.withdraw(maker, member["id"], "500.01")  # 499.99 x 2 no longer covers 1000
    assert desk.get_member(maker, member["id"])["savings_thb"] == "1000.00"


def test_a_withdrawal_the_group_cash_cannot_pay_is_a_conflict(desk):
    group, maker, checker = desk.ready_group()
    lender = desk.borrower(group["id"], maker, "1000.00")
    saver = desk.borrower(group["id"], maker, "1000.00")
    desk.disbursed_loan(group["id"], maker, checker, lender["id"], "1500.00")
    with pytest.raises(Conflict) as refused:
        desk.withdraw(maker, saver["id"], "600.00")  # cash is 500
    assert refused.value.errors[0].field == "amount_thb"
    assert desk.get_group(ADMIN, group["id"])["balances"]["cash_thb"] == "500.00"


def test_a_resent_deposit_with_its_client_key_is_posted_once(desk):
    group, maker, _ = desk.ready_group()
    member = desk.add_member(maker, group["id"])
    first = desk.deposit(maker, member["id"], "200.00", client_key="phone-1:42")
    again = desk.deposit(maker, member["id"], "200.00", client_key="phone-1:42")
    assert again == first
    assert desk.get_member(maker, member["id"])["savings_thb"] == "200.00"
    with pytest.raises(Conflict) as reused:
        desk.deposit(maker, member["id"], "300.00", client_key="phone-1:42")
    assert reused.value.errors[0].field == "client_key"
