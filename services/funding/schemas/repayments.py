"""Money coming back: a write-off, a meeting's collection sheet, and a repayment or posted sheet
as answered. A repayment itself sends `members.Movement`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from infra.dates import BOOKED
from infra.fields import Day
from services.funding.schemas.common import CLIENT_KEY, Amount, Id, iso, thb
from services.funding.schemas.loans import OnDay, Reason
from services.funding.schemas.members import entry_out
from services.funding.vocabulary import LineKind

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.allocation import Allocation
    from services.funding.domain.collection import PostedLine, Sheet
    from services.funding.domain.ledger import Entry
    from services.funding.domain.loan import Loan


class WriteOff(Reason, OnDay):
    pass


class SheetLineIn(Schema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in LineKind]))
    amount_thb = Amount()
    member_id = Id(load_default=None, allow_none=True)
    loan_id = Id(load_default=None, allow_none=True)
    openapi_rules = {  # gateway.openapi adds them to the document: what _names_its_subject checks
        "if": {"properties": {"kind": {"const": LineKind.DEPOSIT.value}}},
        "then": {"required": ["member_id"], "properties": {"member_id": {"type": "string"}}},
        "else": {"required": ["loan_id"], "properties": {"loan_id": {"type": "string"}}},
    }

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def _names_its_subject(self, data: dict[str, Any], original: Any, **_: Any) -> None:
        needed = "member_id" if data.get("kind") == LineKind.DEPOSIT else "loan_id"
        if data.get("kind") and isinstance(original, dict) and not original.get(needed):
            raise ValidationError(f"a {data['kind']} line names its {needed}", needed)


class CollectionSheetIn(Schema):
    client_key = fields.String(required=True, validate=CLIENT_KEY)
    meeting_on = Day(BOOKED, required=True)
    lines = fields.List(fields.Nested(SheetLineIn), required=True, validate=validate.Length(1))


def repayment_out(entry: Entry, allocation: Allocation, loan: Loan) -> dict[str, Any]:
    return {
        **entry_out(entry),
        "principal_thb": thb(allocation.principal),
        "interest_thb": thb(allocation.interest),
        "interest_waived_thb": thb(allocation.waived_interest),
        "outstanding_principal_thb": thb(loan.outstanding_principal),
        "loan_status": loan.status.value,
    }


def sheet_out(sheet: Sheet) -> dict[str, Any]:
    return {
        "id": sheet.id,
        "group_id": sheet.group_id,
        "meeting_on": iso(sheet.posting.on),
        "recorded_by": sheet.posting.recorded_by,
        "posted_at": iso(sheet.posting.recorded_at),
        "deposits_thb": thb(sheet.total(LineKind.DEPOSIT)),
        "repayments_thb": thb(sheet.total(LineKind.REPAYMENT)),
        "lines": [_sheet_line_out(index, posted) for index, posted in enumerate(sheet.lines)],
    }


def _sheet_line_out(index: int, posted: PostedLine) -> dict[str, Any]:
    out = {
        "line": index,
        "kind": posted.line.kind.value,
        "entry_id": posted.entry.id,
        "amount_thb": thb(posted.entry.amount),
        "member_id": posted.entry.member_id,
        "loan_id": posted.entry.loan_id,
    }
    if posted.allocation is not None:
        out["principal_thb"] = thb(posted.allocation.principal)
        out["interest_thb"] = thb(posted.allocation.interest)
        out["interest_waived_thb"] = thb(posted.allocation.waived_interest)
    return out
