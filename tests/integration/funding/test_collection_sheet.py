"""A meeting's collection sheet: all lines posted together or none, once per client key."""

from datetime import timedelta

import pytest

from infra.errors import Conflict, ValidationFailed
from tests.integration.funding.checks import assert_books_balance


@pytest.fixture
def meeting(desk):
    """A group with three savers, one of them repaying a 6-month loan."""
    group, maker, checker = desk.ready_group()
    savers = [desk.borrower(group["id"], maker, "1000.00") for _ in range(3)]
    loan = desk.disbursed_loan(group["id"], maker, checker, savers[0]["id"], "1200.00")
    desk.pass_days(30)
    return group, maker, savers, loan


def deposit(member, amount="100.00"):
    return {"kind": "deposit", "member_id": member["id"], "amount_thb": amount}


def repayment(loan, amount="212.00"):
    return {"kind": "repayment", "loan_id": loan["id"], "amount_thb": amount}


def balances(desk, group, caller):
    return desk.get_group(caller, group["id"])["balances"]


def test_a_sheet_posts_every_deposit_and_repayment_in_one_go(desk, meeting):
    group, maker, savers, loan = meeting
    lines = [deposit(m) for m in savers] + [repayment(loan)]
    posted = desk.sheet(maker, group["id"], lines)
    assert (posted["deposits_thb"], posted["repayments_thb"]) == ("300.00", "212.00")
    assert [line["kind"] for line in posted["lines"]] == ["deposit"] * 3 + ["repayment"]
    assert posted["lines"][3]["interest_thb"] == "12.00"
    assert desk.get_member(maker, savers[1]["id"])["savings_thb"] == "1100.00"
    assert desk.get_loan(maker, loan["id"])["outstanding_principal_thb"] == "1000.00"
    assert balances(desk, group, maker) == {
        "cash_thb": "2312.00",  # 3000 saved - 1200 lent + 300 + 212
        "loans_outstanding_thb": "1000.00",
        "savings_thb": "3300.00",
        "retained_income_thb": "12.00",
    }
    ledger = desk.entries(maker, group["id"])["items"]
    assert {entry["sheet_id"] for entry in ledger[:4]} == {posted["id"]}
    assert_books_balance(desk.uow, group["id"])


@pytest.mark.parametrize(
    "bad_line, field, message",
    [
        (lambda s, ln: deposit(s[1], "0"), "lines.1.amount_thb", "must be more than zero"),
        (lambda s, ln: deposit(s[1], "-5.00"), "lines.1.amount_thb", "must be more than zero"),
        (lambda s, ln: deposit(s[1], "100.001"), "lines.1.amount_thb", "at most two decimal"),
        (lambda s, ln: repayment(ln, "5000.00"), "lines.1.amount_thb", "more than what settles"),
        (
            lambda s, ln: {**deposit(s[1]), "member_id": ln["id"]},
            "lines.1.member_id",
            "no such member in this group",
        ),
    ],
)
def test_one_bad_line_refuses_the_whole_sheet_and_names_it(desk, meeting, bad_line, field, message):
    group, maker, savers, loan = meeting
    before = balances(desk, group, maker)
    lines = [deposit(savers[0]), bad_line(savers, loan), repayment(loan)]
    with pytest.raises(ValidationFailed) as refused:
        desk.sheet(maker, group["id"], lines)
    assert [e.field for e in refused.value.errors] == [field]
    assert message in refused.value.errors[0].message
    assert balances(desk, group, maker) == before
    assert desk.get_member(maker, savers[0]["id"])["savings_thb"] == "1000.00"
    assert len(desk.entries(maker, group["id"])["items"]) == 4  # 3 deposits + 1 disbursement


def test_a_repayment_line_on_a_closed_loan_refuses_the_sheet(desk, meeting):
    group, maker, savers, loan = meeting
    desk.repay(maker, loan["id"], desk.get_loan(maker, loan["id"])["payoff_thb"])
    before = balances(desk, group, maker)
    with pytest.raises(ValidationFailed) as refused:
        desk.sheet(maker, group["id"], [deposit(savers[1]), repayment(loan, "10.00")])
    assert [e.field for e in refused.value.errors] == ["lines.1.loan_id"]
    assert "closed" in refused.value.errors[0].message
    assert balances(desk, group, maker) == before


def test_a_repayment_of_a_loan_disbursed_after_the_meeting_names_the_line_loan(desk, meeting):
    group, maker, savers, loan = meeting
    before_the_loan = (desk.today - timedelta(days=31)).isoformat()
    lines = [deposit(savers[1]), repayment(loan, "10.00")]
    with pytest.raises(ValidationFailed) as refused:
        desk.sheet(maker, group["id"], lines, meeting_on=before_the_loan)
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("lines.1.loan_id", "disbursed after the meeting")  # a field the sheet holds, not `on`
    ]
    assert refused.value.detail == "the sheet was not posted: 1 of its lines are wrong"


def test_every_bad_line_is_named_at_once(desk, meeting):
    group, maker, savers, loan = meeting
    lines = [deposit(savers[0], "1.001"), deposit(savers[1]), repayment(loan, "0")]
    with pytest.raises(ValidationFailed) as refused:
        desk.sheet(maker, group["id"], lines)
    assert [e.field for e in refused.value.errors] == ["lines.0.amount_thb", "lines.2.amount_thb"]


def test_a_resent_sheet_gets_the_same_answer_and_posts_nothing_twice(desk, meeting):
    group, maker, savers, loan = meeting
    lines = [deposit(m) for m in savers] + [repayment(loan)]
    first = desk.sheet(maker, group["id"], lines, client_key="treasurer-phone:2026-12-21")
    after_first = balances(desk, group, maker)
    again = desk.sheet(maker, group["id"], lines, client_key="treasurer-phone:2026-12-21")
    assert again == first
    assert balances(desk, group, maker) == after_first
    assert len(desk.entries(maker, group["id"])["items"]) == 4 + 5  # interest: its own row


def test_a_client_key_reused_for_another_sheet_is_a_conflict(desk, meeting):
    group, maker, savers, _ = meeting
    desk.sheet(maker, group["id"], [deposit(savers[0])], client_key="k-1")
    with pytest.raises(Conflict) as reused:
        desk.sheet(maker, group["id"], [deposit(savers[1])], client_key="k-1")
    assert reused.value.errors[0].field == "client_key"


def test_two_repayment_lines_of_one_loan_pay_in_order(desk, meeting):
    group, maker, _, loan = meeting
    posted = desk.sheet(maker, group["id"], [repayment(loan, "12.00"), repayment(loan, "200.00")])
    assert [(ln["interest_thb"], ln["principal_thb"]) for ln in posted["lines"]] == [
        ("12.00", "0.00"),
        ("0.00", "200.00"),
    ]
    assert desk.get_loan(maker, loan["id"])["arrears"]["bucket"] == "current"


def test_a_meeting_day_in_the_future_is_refused(desk, meeting):
    group, maker, savers, _ = meeting
    tomorrow = (desk.today + timedelta(days=1)).isoformat()
    with pytest.raises(ValidationFailed) as refused:
        desk.sheet(maker, group["id"], [deposit(savers[0])], meeting_on=tomorrow)
    assert refused.value.errors[0].field == "meeting_on"
