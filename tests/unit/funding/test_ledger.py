"""Ledger entries: balanced or refused, and stored as transfers of one amount each."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.funding.domain import ledger
from services.funding.domain.ledger import Account, Balances, Entry, EntryKind, Line, Posting

POSTING = Posting(date(2026, 1, 1), "maker", datetime(2026, 1, 1, tzinfo=UTC))
D = Decimal


def test_an_unbalanced_entry_cannot_exist():
    with pytest.raises(ValueError, match="unbalanced"):
        Entry("g", EntryKind.DEPOSIT, D("1"), (Line(Account.CASH, D("1")),), POSTING)


def test_a_repayment_is_two_transfers_into_cash():
    entry = ledger.repayment("g", "m", "l", D("200.00"), D("12.00"), POSTING)
    assert [(t.debit, t.credit, t.amount) for t in entry.transfers()] == [
        (Account.CASH, Account.LOANS, D("200.00")),
        (Account.CASH, Account.INCOME, D("12.00")),
    ]
    interest_only = ledger.repayment("g", "m", "l", D("0.00"), D("12.00"), POSTING)
    assert [(t.credit, t.amount) for t in interest_only.transfers()] == [
        (Account.INCOME, D("12.00"))
    ]


@pytest.mark.parametrize(
    "entry, debit, credit",
    [
        (ledger.deposit("g", "m", D("5"), POSTING), Account.CASH, Account.SAVINGS),
        (ledger.withdrawal("g", "m", D("5"), POSTING), Account.SAVINGS, Account.CASH),
        (ledger.disbursement("g", "m", "l", D("5"), POSTING), Account.LOANS, Account.CASH),
        (ledger.write_off("g", "m", "l", D("5"), POSTING), Account.INCOME, Account.LOANS),
    ],
)
def test_each_movement_is_one_transfer(entry, debit, credit):
    assert [(t.debit, t.credit, t.amount) for t in entry.transfers()] == [(debit, credit, D("5"))]


def test_the_accounting_identity_holds_after_every_entry():
    books = Balances()
    for entry in [
        ledger.deposit("g", "m", D("1000"), POSTING),
        ledger.disbursement("g", "m", "l", D("600"), POSTING),
        ledger.repayment("g", "m", "l", D("100"), D("6"), POSTING),
        ledger.write_off("g", "m", "l", D("500"), POSTING),
        ledger.withdrawal("g", "m", D("50"), POSTING),
    ]:
        books.apply(entry)
        assert books.balanced
    assert books == Balances(cash=D("456"), loans=D("0"), savings=D("950"), income=D("-494"))
