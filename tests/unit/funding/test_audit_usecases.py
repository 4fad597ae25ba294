"""The funding audit trail with the fake unit of work: a group, a member and a loan each keep
one entry per change (old and new values, the reason of a rejection or a write-off); a collection
sheet writes one entry per member and per loan it changed; the histories are read by whoever may
read the object."""

from __future__ import annotations

from decimal import Decimal

import pytest

from infra.caller import Caller, Role
from infra.errors import NotFound
from services.funding.schemas.repayments import sheet_out
from services.funding.usecases import history, loans, repayments
from services.funding.usecases.commands import DisburseLoan, PostSheet, RejectLoan, SheetLineGiven
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

STRANGER = Caller(
    "3d8b9e3c-2f30-4a0c-9c77-2b6c5e4d3f03", "stranger", frozenset({Role.SAVINGS_GROUP_OFFICER})
)


def actions(uow: FakeUnitOfWork, object_type: str, object_id: str) -> list[str]:
    found = history.history(uow, MAKER, (object_type, object_id), None, 50).items
    return [e.action for e in found]


def test_a_loans_cycle_is_recorded_step_by_step_newest_first() -> None:
    uow = FakeUnitOfWork()
    group = ready_group(uow)
    member = add_member(uow, group.id)["id"]
    deposit(uow, member, "3000.00")
    loan_id = apply(uow, member, "1000.00")["id"]
    loans.approve_loan(uow, CHECKER, loan_id, 1, NOW)
    loans.disburse_loan(uow, MAKER, loan_id, DisburseLoan(), 2, NOW, SETTINGS)

    assert actions(uow, "loan", loan_id) == ["disbursed", "approved", "applied"]
    newest = history.history(uow, MAKER, ("loan", loan_id), None, 50).items[0]
    assert newest.changes["status"] == ["approved", "disbursed"]
    assert newest.area_code == group.village_code and newest.actor_id == MAKER.person_id
    assert actions(uow, "member", member) == ["deposit", "joined"]
    assert actions(uow, "savings_group", group.id) == ["registered"]
    with pytest.raises(NotFound):
        history.history(uow, STRANGER, ("loan", loan_id), None, 50)


def test_a_rejection_keeps_its_reason() -> None:
    uow = FakeUnitOfWork()
    group = ready_group(uow)
    member = add_member(uow, group.id)["id"]
    deposit(uow, member, "3000.00")
    loan_id = apply(uow, member, "1000.00")["id"]
    loans.reject_loan(uow, CHECKER, loan_id, RejectLoan(" too much "), 1, NOW)

    rejected = history.history(uow, MAKER, ("loan", loan_id), None, 50).items[0]
    assert (rejected.action, rejected.reason) == ("rejected", "too much")


def test_a_collection_sheet_writes_one_entry_per_member_and_loan_it_changed() -> None:
    uow = FakeUnitOfWork()
    group = ready_group(uow)
    saver = add_member(uow, group.id)["id"]
    borrower = add_member(uow, group.id, first_name="Somchai")["id"]
    deposit(uow, borrower, "3000.00")
    loan_id = apply(uow, borrower, "1000.00")["id"]
    loans.approve_loan(uow, CHECKER, loan_id, None, NOW)
    loans.disburse_loan(uow, MAKER, loan_id, DisburseLoan(), None, NOW, SETTINGS)
    before = len(uow.audit.entries)
    lines = (
        SheetLineGiven(LineKind.DEPOSIT, Decimal("100.00"), member_id=saver),
        SheetLineGiven(LineKind.REPAYMENT, Decimal("250.00"), loan_id=loan_id),
    )
    repayments.post_collection_sheet(
        uow, MAKER, group.id, PostSheet("s-1", TODAY, lines), NOW, SETTINGS, sheet_out
    )

    written = uow.audit.entries[before:]
    assert sorted((e.object_type, e.object_id) for e in written) == sorted(
        [("member", saver), ("loan", loan_id)]
    )
    assert {e.action for e in written} == {"collection_sheet"}
    saved = next(e for e in written if e.object_type == "member")
    assert saved.changes == {"savings": ["0.00", "100.00"]}
