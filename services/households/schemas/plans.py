"""Plan payloads: drafting, submitting, approving and returning a plan."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Text
from services.households.schemas.common import money, money_out
from services.households.vocabulary import CAPITALS, Kind


class GoalIn(Schema):
    capital = fields.String(required=True, validate=validate.OneOf(CAPITALS))
    description = Text(1, 1000, required=True)
    baseline = Text(1, 500, required=True)
    target = Text(1, 500, required=True)


class SupportIn(Schema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in Kind]))
    description = Text(1, 1000, required=True)
    amount_thb = money(load_default=None, allow_none=True)


class SavePlan(Schema):
    problems = fields.List(Text(1, 1000), load_default=list, validate=validate.Length(max=50))
    needs = fields.List(Text(1, 1000), load_default=list, validate=validate.Length(max=50))
    goals = fields.List(fields.Nested(GoalIn), load_default=list, validate=validate.Length(max=50))
    livelihood = Text(1, 500, load_default=None)
    requested_support = fields.List(
        fields.Nested(SupportIn), load_default=list, validate=validate.Length(max=50)
    )


class PlanCommand(Schema):
    """Submitting or approving a plan needs no fields, only its version (If-Match)."""


class ReturnPlan(PlanCommand):
    reason = Text(1, 1000, required=True)


class PlanOut(Schema):
    id = fields.String()
    household_id = fields.String()
    number = Integer()
    status = fields.String()
    problems = fields.List(fields.String())
    needs = fields.List(fields.String())
    goals = fields.List(fields.Nested(lambda: GoalOut()))
    livelihood = fields.String(allow_none=True)
    requested_support = fields.List(fields.Nested(lambda: SupportOut()))
    created_by = fields.String()
    created_at = fields.AwareDateTime()
    submitted_by = fields.String(allow_none=True)
    submitted_at = fields.AwareDateTime(allow_none=True)
    decided_by = fields.String(allow_none=True)
    decided_at = fields.AwareDateTime(allow_none=True)
    decision_reason = fields.String(allow_none=True)
    version = Integer()


class GoalOut(Schema):
    capital = fields.String()
    description = fields.String()
    baseline = fields.String()
    target = fields.String()


class SupportOut(Schema):
    kind = fields.String()
    description = fields.String()
    amount_thb = money_out(allow_none=True)
