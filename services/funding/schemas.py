"""Payloads of the funding RPC methods: what callers send, validated field by field. Groups,
networks, members and list queries here; what moves money in `money_schemas`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import Schema, fields, validate

from infra.dates import JOINED
from infra.fields import AreaCode, Day, Integer, Line, Money, PlainDecimal
from infra.fields import Text as Text
from infra.validation import load
from services.funding.domain.group import CommitteeRole
from services.funding.domain.rules import InterestMethod

_INSTANCES: dict[type[Schema], Schema] = {}


def parse(schema: type[Schema], payload: Any) -> Any:
    """`infra.validation.load` with one instance per schema (building one costs more than
    loading a payload with it; schemas keep no state between loads)."""
    instance = _INSTANCES.get(schema) or _INSTANCES.setdefault(schema, schema())
    return load(instance, payload)


CLIENT_KEY = validate.Regexp(r"^[A-Za-z0-9._:-]{1,100}\Z", error="1-100 letters, digits or ._:-")


class Id(fields.UUID):
    """A UUID, handed on as its canonical string."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        return str(super()._deserialize(value, attr, data, **kwargs))


class RulesIn(Schema):
    min_monthly_saving_thb = Money(required=True)
    annual_interest_rate = PlainDecimal(required=True)
    interest_method = fields.String(
        required=True, validate=validate.OneOf([m.value for m in InterestMethod])
    )
    max_loan_multiple = PlainDecimal(required=True)
    max_term_months = Integer(required=True, strict=True)
    # a callable default stays out of the OpenAPI document, which cannot hold a Decimal
    min_savings_balance_thb = Money(load_default=lambda: Decimal("0"))


class SeatIn(Schema):
    person_id = Id(required=True)
    role = fields.String(required=True, validate=validate.OneOf([r.value for r in CommitteeRole]))


class NetworkIn(Schema):
    name = Line(1, 200, required=True)
    district_code = AreaCode("district", required=True)
    officers = fields.List(Id(), load_default=list, validate=validate.Length(0, 50))


class NetworkChange(Schema):
    name = Line(1, 200, required=True)
    officers = fields.List(Id(), required=True, validate=validate.Length(0, 50))


class GroupIn(Schema):
    name = Line(1, 200, required=True)
    village_code = AreaCode("village", required=True)
    network_id = Id(load_default=None, allow_none=True)
    committee = fields.List(fields.Nested(SeatIn), required=True, validate=validate.Length(1, 30))
    rules = fields.Nested(RulesIn, required=True)


class GroupChange(Schema):
    name = Line(1, 200, required=True)
    network_id = Id(allow_none=True)  # absent: unchanged; null: leaves its network
    committee = fields.List(fields.Nested(SeatIn), required=True, validate=validate.Length(1, 30))
    rules = fields.Nested(RulesIn, required=True)


class Page(Schema):
    after = fields.String(load_default=None, allow_none=True)
    limit = Integer(load_default=50, validate=validate.Range(1, 200))


class GroupQuery(Page):
    network_id = Id(load_default=None, allow_none=True)
    area = AreaCode(load_default=None)


class LoanQuery(Page):
    status = fields.String(
        load_default=None,
        validate=validate.OneOf(
            ["applied", "approved", "rejected", "disbursed", "closed", "written_off"]
        ),
    )
    member_id = Id(load_default=None, allow_none=True)


class EntryQuery(Page):
    member_id = Id(load_default=None, allow_none=True)
    loan_id = Id(load_default=None, allow_none=True)


class RequestQuery(Page):
    status = fields.String(
        load_default=None, validate=validate.OneOf(["pending", "granted", "declined"])
    )


class Resendable(Schema):
    client_key = fields.String(load_default=None, allow_none=True, validate=CLIENT_KEY)


class MemberIn(Resendable):
    first_name = Line(1, 100, required=True)
    last_name = Line(1, 100, required=True)
    household_id = Id(load_default=None, allow_none=True)
    person_id = Id(load_default=None, allow_none=True)
    joined_on = Day(JOINED, load_default=None, allow_none=True)
