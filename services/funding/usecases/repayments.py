"""Money coming back: a repayment, a meeting's collection sheet, a write-off."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from infra.caller import Caller
from infra.client_requests import ClientKey
from infra.errors import ValidationFailed
from infra.versions import require_version
from services.funding.db import FundingUnitOfWork
from services.funding.domain import fund
from services.funding.domain.allocation import Allocation
from services.funding.domain.collection import PostedLine, Sheet, SheetLine, post_sheet
from services.funding.domain.group import Group
from services.funding.domain.ledger import Entry, Posting
from services.funding.domain.loan import Loan
from services.funding.domain.member import Member
from services.funding.domain.money import ZERO
from services.funding.domain.policy import Reach
from services.funding.events import LOAN_REPAID, LOAN_WRITTEN_OFF
from services.funding.settings import Settings
from services.funding.usecases import announcements
from services.funding.usecases.audit import LOAN, MEMBER, VALUES, record
from services.funding.usecases.commands import (
    MoveMoney,
    PostSheet,
    SheetLineGiven,
    WriteOffLoan,
    fingerprinted,
)
from services.funding.usecases.common import (
    group_within,
    loan_within,
    posting_day,
)
from services.funding.vocabulary import LineKind


def repay_loan(
    uow: FundingUnitOfWork,
    caller: Caller,
    loan_id: str,
    command: MoveMoney,
    now: datetime,
    settings: Settings,
    render: Callable[[Entry, Allocation, Loan], Any],
) -> Any:
    key = ClientKey("repay_loan", loan_id, fingerprinted(command))
    with uow:
        group, loan = loan_within(uow, caller, loan_id, Reach.RECORD, lock=True)
        if (answer := key.answered(uow.client_requests, group.id)) is not None:
            return answer
        posting = Posting(posting_day(command.on, now, settings), caller.person_id, now)
        before = VALUES[LOAN](loan)
        entry, allocation = fund.repay(group, loan, command.amount_thb, posting)
        uow.loans.save_payments([loan])
        record(uow, group.village_code, loan, before, "repaid", caller.person_id, now)
        uow.groups.save_balances(group)
        uow.ledger.add([entry])
        _announce_repaid(uow, group, {loan.id: (loan, entry.amount)}, posting)
        answer = key.remember(uow.client_requests, group.id, render(entry, allocation, loan), now)
        uow.commit()
    return answer


def post_collection_sheet(
    uow: FundingUnitOfWork,
    caller: Caller,
    group_id: str,
    command: PostSheet,
    now: datetime,
    settings: Settings,
    render: Callable[[Sheet], Any],
) -> Any:
    """All of a meeting's deposits and repayments in one transaction, or none of them."""
    if len(command.lines) > settings.max_sheet_lines:
        raise ValidationFailed.on("lines", f"at most {settings.max_sheet_lines} lines a sheet")
    key = ClientKey("collection_sheet", group_id, fingerprinted(command))
    lines = [_line(given) for given in command.lines]
    with uow:
        group = group_within(uow, caller, group_id, Reach.RECORD, lock=True)
        if (answer := key.answered(uow.client_requests, group.id)) is not None:
            return answer
        day = posting_day(command.meeting_on, now, settings, field="meeting_on")
        sheet_id = str(uuid.uuid4())
        posting = Posting(day, caller.person_id, now, sheet_id)
        members = uow.members.many(group.id, [ln.member_id for ln in lines if ln.member_id])
        loans = uow.loans.many(group.id, [ln.loan_id for ln in lines if ln.loan_id])
        before = _values_of([*members.values(), *loans.values()])
        posted = post_sheet(group, members, loans, lines, posting)
        sheet = Sheet(group.id, posting, posted, id=sheet_id)
        _store(uow, group, sheet, members, loans)
        _record_sheet(uow, group, [*members.values(), *loans.values()], before, posting)
        answer = key.remember(uow.client_requests, group.id, render(sheet), now)
        uow.commit()
    return answer


def write_off_loan(
    uow: FundingUnitOfWork,
    caller: Caller,
    loan_id: str,
    command: WriteOffLoan,
    expected_version: int | None,
    now: datetime,
    settings: Settings,
) -> tuple[Loan, date]:
    with uow:
        group, loan = loan_within(uow, caller, loan_id, Reach.RECORD, lock=True)
        require_version(loan.version, expected_version, "loan")
        posting = Posting(posting_day(command.on, now, settings), caller.person_id, now)
        before = VALUES[LOAN](loan)
        entry = fund.write_off(group, loan, command.reason.strip(), posting)
        uow.loans.save(loan)
        reason = command.reason.strip()
        record(uow, group.village_code, loan, before, "written_off", caller.person_id, now, reason)
        uow.groups.save_balances(group)
        uow.ledger.add([entry])
        uow.emit(LOAN_WRITTEN_OFF, announcements.loan_written_off(group, loan, now))
        uow.commit()
    return loan, posting.on


def _values_of(items: list[Member | Loan]) -> dict[str, dict[str, Any]]:
    return {item.id: VALUES[MEMBER if isinstance(item, Member) else LOAN](item) for item in items}


def _record_sheet(
    uow: FundingUnitOfWork,
    group: Group,
    items: list[Member | Loan],
    before: dict[str, dict[str, Any]],
    posting: Posting,
) -> None:
    """One entry per member and per loan the sheet changed."""
    for item in items:
        kind = MEMBER if isinstance(item, Member) else LOAN
        if VALUES[kind](item) != before[item.id]:  # type: ignore[operator]
            by, at = posting.recorded_by, posting.recorded_at
            record(uow, group.village_code, item, before[item.id], "collection_sheet", by, at)


def _line(given: SheetLineGiven) -> SheetLine:
    return SheetLine(given.kind, given.amount_thb, given.member_id, given.loan_id)


def _store(
    uow: FundingUnitOfWork,
    group: Group,
    sheet: Sheet,
    members: dict[str, Member],
    loans: dict[str, Loan],
) -> None:
    """Set-based writes: a statement per table whatever the number of lines."""
    posted = sheet.lines
    uow.ledger.add([p.entry for p in posted])
    deposited = {p.line.member_id for p in posted if p.line.kind is LineKind.DEPOSIT}
    uow.members.save_savings([members[m] for m in deposited if m])
    repaid = _repaid(posted, loans)
    uow.loans.save_payments(loan for loan, _ in repaid.values())
    uow.groups.save_balances(group)
    uow.sheets.add(sheet)
    _announce_repaid(uow, group, repaid, sheet.posting)


def _repaid(posted: list[PostedLine], loans: dict[str, Loan]) -> dict[str, tuple[Loan, Decimal]]:
    """Each repaid loan with the sum the sheet paid on it."""
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for p in posted:
        if p.line.kind is LineKind.REPAYMENT and p.line.loan_id:
            totals[p.line.loan_id] += p.entry.amount
    return {loan_id: (loans[loan_id], total) for loan_id, total in totals.items()}


def _announce_repaid(
    uow: FundingUnitOfWork,
    group: Group,
    repaid: dict[str, tuple[Loan, Decimal]],
    posting: Posting,
) -> None:
    for loan, amount in repaid.values():
        data = announcements.loan_repaid(group, loan, amount, posting.on, posting.recorded_at)
        uow.emit(LOAN_REPAID, data)
