"""Payloads of the funding RPC methods that move money: savings, loans, collection sheets,
funding-access decisions and report dates."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from infra.dates import BOOKED, REPORTED, RUN
from infra.fields import Day, Integer, Money
from services.funding.domain.collection import LineKind
from services.funding.domain.money import amount_problem
from services.funding.domain.rules import MAX_TERM_MONTHS
from services.funding.schemas import CLIENT_KEY, Id, Resendable, Text


def Amount(**kwargs: Any) -> Money:  # a field factory, read like a field
    """A payable amount: more than zero, exact to the satang."""
    return Money(required=True, check=amount_problem, **kwargs)


class Movement(Resendable):
    amount_thb = Amount()
    on = Day(BOOKED, load_default=None, allow_none=True)


class LoanApplication(Resendable):
    amount_thb = Amount()
    term_months = Integer(required=True, strict=True, validate=validate.Range(1, MAX_TERM_MONTHS))
    purpose = Text(1, 500, required=True)
    funding_request_id = Id(load_default=None, allow_none=True)


class Reason(Schema):
    reason = Text(1, 500, required=True)


class OnDay(Schema):
    on = Day(BOOKED, load_default=None, allow_none=True)


class WriteOff(Reason, OnDay):
    pass


class SheetLineIn(Schema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in LineKind]))
    amount_thb = Amount()
    member_id = Id(load_default=None, allow_none=True)
    loan_id = Id(load_default=None, allow_none=True)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def _names_its_subject(self, data: dict[str, Any], original: Any, **_: Any) -> None:
        needed = "member_id" if data.get("kind") == LineKind.DEPOSIT else "loan_id"
        if data.get("kind") and isinstance(original, dict) and not original.get(needed):
            raise ValidationError(f"a {data['kind']} line names its {needed}", needed)


class CollectionSheetIn(Schema):
    client_key = fields.String(required=True, validate=CLIENT_KEY)
    meeting_on = Day(BOOKED, required=True)
    lines = fields.List(fields.Nested(SheetLineIn), required=True, validate=validate.Length(1))


class Decision(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["accept", "decline"]))
    reason = Text(1, 500, load_default=None, allow_none=True)
    member_id = Id(load_default=None, allow_none=True)

    @validates_schema
    def _declining_says_why(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("decision") == "decline" and not data.get("reason"):
            raise ValidationError("say why the request is declined", "reason")


class AsOf(Schema):
    """The day a report is drawn up for."""

    as_of = Day(REPORTED, load_default=None, allow_none=True)


class RunAsOf(Schema):
    """The day an arrears run judges loans on: near today, as it announces arrears now."""

    as_of = Day(RUN, load_default=None, allow_none=True)
