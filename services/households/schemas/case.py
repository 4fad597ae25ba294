"""Case payloads: targeting, consent, stage moves, plans, interventions and visits."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.dates import HAPPENED
from infra.fields import AreaCode, Integer, Line, Moment, Text
from services.households.schemas.common import client_key, money, money_out
from services.households.schemas.registry import HouseholdOut
from services.households.vocabulary import CAPITALS, WELLBEING, Kind, Stage, Status


class TargetHouseholds(Schema):
    area_code = AreaCode(required=True)
    survey_year = Integer(  # a year needs an income threshold (config: HOUSEHOLDS)
        required=True, strict=True, validate=validate.Range(2000, 2100), metadata={"example": 2026}
    )


class RecordConsent(Schema):
    # record_consent refuses an answer the household gave before it was told
    informed = fields.Boolean(required=True, metadata={"enum": [True]})
    consented = fields.Boolean(required=True)
    note = Text(1, 1000, load_default=None)


class ChangeStage(Schema):
    to_stage = fields.String(required=True, validate=validate.OneOf([s.value for s in Stage]))
    reason = Text(1, 1000, required=True)
    merged_into = Line(1, 36, load_default=None)


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


class FundingIn(Schema):
    amount_thb = money(required=True)
    purpose = Text(1, 200, required=True)
    term_months = Integer(required=True, strict=True, validate=validate.Range(1, 120))


class RequestIntervention(Schema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in Kind]))
    description = Text(1, 2000, required=True)
    owner = Line(1, 64, load_default=None)
    agency = Line(1, 200, load_default=None)
    funding = fields.Nested(FundingIn, load_default=None)
    client_key = client_key()
    openapi_rules = {  # what usecases/interventions.py checks: a referral's agency, a funding
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": Kind.REFERRAL.value}}},
                "then": {"required": ["agency"], "properties": {"agency": {"type": "string"}}},
            },
            {
                "if": {"properties": {"kind": {"const": Kind.FUNDING_ACCESS.value}}},
                "then": {"required": ["funding"], "properties": {"funding": {"type": "object"}}},
            },
        ]
    }


class UpdateIntervention(Schema):
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in Status]))
    outcome = Text(1, 2000, load_default=None)


class InterventionOut(Schema):
    id = fields.String()
    household_id = fields.String()
    kind = fields.String()
    owner = fields.String()
    description = fields.String()
    agency = fields.String(allow_none=True)
    amount_thb = money_out(attribute="funding.amount_thb", allow_none=True)
    purpose = fields.String(attribute="funding.purpose", allow_none=True)
    term_months = Integer(attribute="funding.term_months", allow_none=True)
    status = fields.String()
    outcome = fields.String(allow_none=True)
    requested_by = fields.String()
    requested_at = fields.AwareDateTime()
    changed_at = fields.AwareDateTime(allow_none=True)
    loan_id = fields.String(allow_none=True)
    version = Integer()


class LogVisit(Schema):
    visited_at = Moment(HAPPENED, required=True)
    notes = Text(1, 4000, required=True)
    wellbeing = Integer(
        required=True, strict=True, validate=validate.Range(WELLBEING.start, WELLBEING.stop - 1)
    )
    annual_income_thb = money(load_default=None, allow_none=True)
    problems = fields.List(Text(1, 500), load_default=list, validate=validate.Length(max=30))
    client_key = client_key()


class CaseQuery(Schema):
    visits = Integer(load_default=5, validate=validate.Range(1, 50))


class ListVisits(Schema):
    limit = Integer(load_default=50, validate=validate.Range(1, 200))  # a query string


class VisitOut(Schema):
    id = fields.String()
    household_id = fields.String()
    visited_at = fields.AwareDateTime()
    visited_by = fields.String()
    recorded_at = fields.AwareDateTime()
    notes = fields.String()
    wellbeing = Integer()
    annual_income_thb = money_out(allow_none=True)
    income_per_person_thb = money_out(allow_none=True)
    problems = fields.List(fields.String())


class CaseViewOut(Schema):
    """A case as a field worker opens it."""

    household = fields.Nested(HouseholdOut)
    plan = fields.Nested(PlanOut, allow_none=True)
    latest_visits = fields.List(fields.Nested(VisitOut))
    interventions = fields.List(fields.Nested(InterventionOut))
