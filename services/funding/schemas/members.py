"""Members and their savings: joining, a deposit or withdrawal, and a member or ledger entry as
answered."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from infra.dates import BOOKED, JOINED
from infra.fields import Day, Line
from services.funding.schemas.common import Amount, Id, Resendable, answered_by, iso, thb

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.ledger import Entry
    from services.funding.domain.member import Member


class MemberIn(Resendable):
    first_name = Line(1, 100, required=True)
    last_name = Line(1, 100, required=True)
    household_id = Id(load_default=None, allow_none=True)
    person_id = Id(load_default=None, allow_none=True)
    joined_on = Day(JOINED, load_default=None, allow_none=True)


class Movement(Resendable):
    amount_thb = Amount()
    on = Day(BOOKED, load_default=None, allow_none=True)


def member_out(member: Member, loan_limit: Decimal | None = None) -> dict[str, Any]:
    out = {
        "id": member.id,
        "group_id": member.group_id,
        "member_no": member.member_no,
        "first_name": member.first_name,
        "last_name": member.last_name,
        "household_id": member.household_id,
        "person_id": member.person_id,
        "joined_on": iso(member.joined_on),
        "status": member.status.value,
        "savings_thb": thb(member.savings),
        "version": member.version,
    }
    if loan_limit is not None:
        out["can_borrow_thb"] = thb(loan_limit)
    return out


def entry_out(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "amount_thb": thb(entry.amount),
        "on": iso(entry.posting.on),
        "member_id": entry.member_id,
        "loan_id": entry.loan_id,
        "sheet_id": entry.posting.sheet_id,
        "recorded_by": entry.posting.recorded_by,
        "recorded_at": iso(entry.posting.recorded_at),
    }


def movement_out(entry: Entry, member: Member) -> dict[str, Any]:
    """A deposit or withdrawal: the entry and the member's savings after it."""
    return {**entry_out(entry), "savings_thb": thb(member.savings)}


MemberAnswer = answered_by(member_out)
