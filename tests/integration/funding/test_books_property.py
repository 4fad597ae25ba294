"""The books balance in the database too: random operation sequences through the use cases
(and so through the repositories, partial loading and set-based writes), on SQLite and
PostgreSQL, each in a fresh group, checked against the ledger after every step."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.errors import ServiceError
from tests.integration.funding.checks import assert_books_balance

AMOUNTS = st.decimals(min_value="0.01", max_value="2500", places=2).map(str)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("deposit"), st.integers(0, 2), AMOUNTS),
        st.tuples(st.just("withdraw"), st.integers(0, 2), AMOUNTS),
        st.tuples(st.just("lend"), st.integers(0, 2), AMOUNTS),
        st.tuples(st.just("repay"), st.integers(0, 5), AMOUNTS),
        st.tuples(st.just("repay"), st.integers(0, 5), st.sampled_from(["5.00", "20.00"])),
        st.tuples(st.just("settle"), st.integers(0, 5), st.just("")),
        st.tuples(st.just("sheet"), st.integers(0, 5), AMOUNTS),
        st.tuples(st.just("days"), st.integers(1, 60), st.just("")),
    ),
    min_size=5,
    max_size=25,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
def test_random_operations_keep_the_stored_books_balanced(desk, steps):
    group, maker, checker = desk.ready_group()
    members = [desk.borrower(group["id"], maker, "1000.00")["id"] for _ in range(3)]
    loans: list[str] = []
    for step in steps:
        with contextlib.suppress(ServiceError):  # a refused step must change nothing
            _do(desk, group["id"], maker, checker, members, loans, step)
        assert_books_balance(desk.uow, group["id"])
        for loan_id in loans:  # each loan's installments agree with its ledger rows
            assert _outstanding(desk, maker, loan_id) == _ledger(desk, maker, group["id"], loan_id)


def _do(desk, group_id, maker, checker, members, loans, step):
    kind, index, amount = step
    if kind == "deposit":
        desk.deposit(maker, members[index], amount)
    elif kind == "withdraw":
        desk.withdraw(maker, members[index], amount)
    elif kind == "lend":
        loans.append(desk.disbursed_loan(group_id, maker, checker, members[index], amount)["id"])
    elif kind == "days":
        desk.pass_days(index)
    elif loans:
        loan_id = loans[index % len(loans)]
        if kind == "repay":
            desk.repay(maker, loan_id, amount)
        elif kind == "settle":
            desk.repay(maker, loan_id, desk.get_loan(maker, loan_id)["payoff_thb"] or "0")
        else:
            lines = [
                {"kind": "repayment", "loan_id": loan_id, "amount_thb": amount},
                {"kind": "deposit", "member_id": members[0], "amount_thb": "100.00"},
            ]
            desk.sheet(maker, group_id, lines)


def _outstanding(desk, maker, loan_id):
    loan = desk.get_loan(maker, loan_id)
    unpaid = sum(
        Decimal(i["principal_thb"]) - Decimal(i["principal_paid_thb"]) for i in loan["schedule"]
    )
    return unpaid if loan["status"] == "disbursed" else Decimal(loan["outstanding_principal_thb"])


def _ledger(desk, maker, group_id, loan_id):
    rows = desk.entries(maker, group_id, loan_id=loan_id, limit=200)["items"]
    debits = sum(Decimal(r["amount_thb"]) for r in rows if r["debit"] == "loans")
    credits = sum(Decimal(r["amount_thb"]) for r in rows if r["credit"] == "loans")
    return debits - credits
