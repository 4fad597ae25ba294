"""A meeting's collection sheet through the use case with the fake unit of work: every line is
posted in one transaction or none is, and a resent sheet is answered again. No database."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from infra.errors import ValidationFailed
from services.funding.schemas.repayments import sheet_out
from services.funding.usecases import loans, repayments
from services.funding.usecases.commands import DisburseLoan, PostSheet, SheetLineGiven
from services.funding.vocabulary import LineKind
from tests.unit.funding.books import (
    CHECKER,
    MAKER,
    NOW,
    SETTINGS,
    TODAY,
    add_member,
    apply,
    deposit,
    ready_group,
)
from tests.unit.funding.fakes import FakeUnitOfWork

UNKNOWN = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a"


def meeting(uow: FakeUnitOfWork) -> tuple[str, str, str]:
    """A group, a saver, and a disbursed loan of another member."""
    group = ready_group(uow)
    saver = add_member(uow, group.id)["id"]
    borrower = add_member(uow, group.id, first_name="Somchai")["id"]
    deposit(uow, borrower, "3000.00")
    loan_id = apply(uow, borrower, "1000.00")["id"]
    loans.approve_loan(uow, CHECKER, loan_id, None, NOW)
    loans.disburse_loan(uow, MAKER, loan_id, DisburseLoan(), None, NOW, SETTINGS)
    return group.id, saver, loan_id


def sheet(*lines: SheetLineGiven, key: str = "sheet-1") -> PostSheet:
    return PostSheet(key, TODAY, lines)


def post(uow: FakeUnitOfWork, group_id: str, command: PostSheet) -> dict[str, Any]:
    return repayments.post_collection_sheet(uow, MAKER, group_id, command, NOW, SETTINGS, sheet_out)


def test_a_sheet_posts_every_line_at_once_and_a_resend_is_answered_again() -> None:
    uow = FakeUnitOfWork()
    group_id, saver, loan_id = meeting(uow)
    command = sheet(
        SheetLineGiven(LineKind.DEPOSIT, Decimal("100.00"), member_id=saver),
        SheetLineGiven(LineKind.REPAYMENT, Decimal("250.00"), loan_id=loan_id),
    )

    posted = post(uow, group_id, command)
    again = post(uow, group_id, command)

    assert again == posted
    assert (posted["deposits_thb"], posted["repayments_thb"]) == ("100.00", "250.00")
    assert uow.members.get(saver).savings == Decimal("100.00")  # type: ignore[union-attr]
    repaid = uow.events("loan_repaid")
    assert [(e["loan_id"], e["amount_thb"]) for e in repaid] == [(loan_id, "250.00")]
    assert len(uow.sheets.rows) == 1
    cash = uow.groups.get(group_id).balances.cash  # type: ignore[union-attr]
    assert cash == Decimal("2350.00")  # 3000 saved, 1000 lent, 100 saved, 250 repaid


def test_a_sheet_with_a_wrong_line_posts_none_of_its_lines() -> None:
    uow = FakeUnitOfWork()
    group_id, saver, _ = meeting(uow)
    entries = len(uow.ledger.rows)
    command = sheet(
        SheetLineGiven(LineKind.DEPOSIT, Decimal("100.00"), member_id=saver),
        SheetLineGiven(LineKind.DEPOSIT, Decimal("50.00"), member_id=UNKNOWN),
    )

    with pytest.raises(ValidationFailed) as refused:
        post(uow, group_id, command)

    fields = {error.field for error in refused.value.errors}
    assert fields and all(field.startswith("lines.1") for field in fields)
    assert uow.members.get(saver).savings == Decimal("0.00")  # type: ignore[union-attr]
    assert len(uow.ledger.rows) == entries and uow.sheets.rows == []
    assert uow.client_requests.get(group_id, "sheet-1") is None  # the key is not taken
