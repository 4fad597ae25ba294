"""A collection sheet: one meeting's deposits and repayments, posted all or nothing.

Every line is checked; if any is wrong the whole sheet is refused with one error per bad line
(`lines.<n>.<field>`, a field the sheet's line holds), so the treasurer can fix them all at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from infra.errors import FieldError, ServiceError, ValidationFailed
from services.funding.domain import fund
from services.funding.domain.allocation import Allocation
from services.funding.domain.group import Group
from services.funding.domain.ledger import Entry, Posting
from services.funding.domain.loan import Loan
from services.funding.domain.member import Member
from services.funding.domain.money import ZERO
from services.funding.vocabulary import LineKind

DISBURSED_AFTER_THE_MEETING = "disbursed after the meeting"


@dataclass(frozen=True)
class SheetLine:
    kind: LineKind
    amount: Decimal
    member_id: str | None = None  # deposits
    loan_id: str | None = None  # repayments


@dataclass(frozen=True)
class PostedLine:
    line: SheetLine
    entry: Entry
    allocation: Allocation | None = None


@dataclass
class Sheet:
    group_id: str
    posting: Posting
    lines: list[PostedLine]
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def total(self, kind: LineKind) -> Decimal:
        return sum((p.entry.amount for p in self.lines if p.line.kind is kind), ZERO)


def post_sheet(
    group: Group,
    members: dict[str, Member],
    loans: dict[str, Loan],
    lines: list[SheetLine],
    posting: Posting,
) -> list[PostedLine]:
    """Posts every line to the group's books, or raises naming each bad line."""
    posted: list[PostedLine] = []
    problems: list[FieldError] = []
    bad = 0
    for index, line in enumerate(lines):
        try:
            posted.append(_post_line(group, members, loans, line, posting))
        except ServiceError as error:
            bad += 1
            problems.extend(_on_line(index, line, error))
    if problems:
        raise ValidationFailed(f"the sheet was not posted: {bad} of its lines are wrong", problems)
    return posted


def _post_line(
    group: Group,
    members: dict[str, Member],
    loans: dict[str, Loan],
    line: SheetLine,
    posting: Posting,
) -> PostedLine:
    if line.kind is LineKind.DEPOSIT:
        member = members.get(line.member_id or "")
        if member is None:
            raise ValidationFailed.on("member_id", "no such member in this group")
        return PostedLine(line, fund.deposit(group, member, line.amount, posting))
    loan = loans.get(line.loan_id or "")
    if loan is None:
        raise ValidationFailed.on("loan_id", "no such loan in this group")
    entry, allocation = fund.repay(group, loan, line.amount, posting)
    return PostedLine(line, entry, allocation)


def _on_line(index: int, line: SheetLine, error: ServiceError) -> list[FieldError]:
    """The line's errors, named by the fields of the line as the client sent it."""
    subject = "member_id" if line.kind is LineKind.DEPOSIT else "loan_id"
    if not error.errors:
        return [FieldError(f"lines.{index}.{subject}", error.detail)]
    return [_as_sent(index, subject, e) for e in error.errors]


def _as_sent(index: int, subject: str, error: FieldError) -> FieldError:
    if error.field == "on":  # the day posted on is the sheet's meeting day, not a line's field
        return FieldError(f"lines.{index}.{subject}", DISBURSED_AFTER_THE_MEETING)
    return FieldError(f"lines.{index}.{error.field}", error.message)
