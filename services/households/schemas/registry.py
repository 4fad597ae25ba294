"""Registry payloads: register, update, read and list households."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from infra.dates import BIRTH
from infra.fields import AreaCode, Day, Integer, Line, NationalId, Reason
from services.households.schemas.common import client_key, money, money_out
from services.households.schemas.members import FormerMemberOut
from services.households.schemas.risk import RiskLevels, RiskOut
from services.households.vocabulary import RISK_LEVELS as LEVELS
from services.households.vocabulary import Stage

INDICATOR = validate.Regexp(
    r"^[0-9]{1,2}(\.[0-9]{1,2})?\Z", error="BMN indicator codes look like 7 or 7.1"
)


class MemberIn(Schema):
    first_name = Line(1, 100, required=True)
    last_name = Line(1, 100, required=True)
    national_id = NationalId(required=True)
    is_head = fields.Boolean(required=True, metadata={"example": True})
    birth_date = Day(BIRTH, load_default=None)
    sex = fields.String(load_default=None, validate=validate.OneOf(["male", "female"]))


class BmnIn(Schema):
    survey_year = Integer(required=True, strict=True, validate=validate.Range(2000, 2100))
    failed_indicators = fields.List(
        fields.String(validate=INDICATOR), load_default=list, validate=validate.Length(max=60)
    )


# The domain's rule, in JSON Schema: exactly one member is the head.
ONE_HEAD = {
    "contains": {"properties": {"is_head": {"const": True}}, "required": ["is_head"]},
    "minContains": 1,
    "maxContains": 1,
}


class RegisterHousehold(Schema):
    village_code = AreaCode("village", required=True)
    house_no = Line(1, 20, load_default=None)
    members = fields.List(fields.Nested(MemberIn), required=True, validate=validate.Length(1, 40))
    size = Integer(load_default=None, strict=True, metadata={"minimum": 1, "maximum": 99})
    annual_income_thb = money(load_default=None, allow_none=True)
    bmn = fields.Nested(BmnIn, load_default=None)
    client_key = client_key()  # the request's Idempotency-Key: a resend gets the first answer
    openapi_rules = {"properties": {"members": ONE_HEAD}}

    @validates_schema
    def _survey_has_income(self, data: dict, **_: object) -> None:
        if data.get("bmn") and data.get("annual_income_thb") is None:
            raise ValidationError("a BMN result needs the annual income", "annual_income_thb")


class UpdateHousehold(Schema):
    annual_income_thb = money(allow_none=True)
    size = Integer(strict=True, metadata={"minimum": 1, "maximum": 99})
    house_no = Line(1, 20, allow_none=True)
    reason = Reason(required=True, metadata={"description": "why the registry is corrected"})


class ListHouseholds(Schema):
    area = AreaCode()
    stage = fields.String(validate=validate.OneOf([s.value for s in Stage]))
    team_id = Line(1, 36)
    fails_income = fields.Boolean()
    # query-string values arrive as text: "5" is read as 5
    min_failed_indicators = Integer(validate=validate.Range(0, 99))
    overdue = fields.Boolean()
    plan_waiting = fields.Boolean(
        metadata={"description": "true: only households whose plan waits for approval"}
    )
    risk = RiskLevels()
    order = fields.String(load_default="village", validate=validate.OneOf(["village", "priority"]))
    after = fields.String(load_default=None, validate=validate.Length(max=400))
    limit = Integer(load_default=50, validate=validate.Range(1, 200))


class MemberOut(Schema):
    first_name = fields.String()
    last_name = fields.String()
    national_id = fields.String()
    is_head = fields.Boolean()
    birth_date = fields.Date(allow_none=True)
    sex = fields.String(allow_none=True)
    number = Integer(metadata={"description": "the member's place in the household, kept for good"})


class TargetingOut(Schema):
    survey_year = Integer()
    fails_income = fields.Boolean()
    failed_indicators = Integer()
    income_per_person_thb = money_out()
    targeted_at = fields.AwareDateTime()


class ConsentOut(Schema):
    consented = fields.Boolean()
    recorded_by = fields.String()
    recorded_at = fields.AwareDateTime()
    note = fields.String(allow_none=True)


class TransitionOut(Schema):
    from_stage = fields.String()
    to_stage = fields.String()
    changed_by = fields.String()
    reason = fields.String()
    changed_at = fields.AwareDateTime()


class HouseholdOut(Schema):
    id = fields.String()
    village_code = fields.String()
    house_no = fields.String(allow_none=True)
    members = fields.List(fields.Nested(MemberOut))
    size = Integer(attribute="household_size")
    annual_income_thb = money_out(allow_none=True)
    income_per_person_thb = money_out(allow_none=True)
    registered_at = fields.AwareDateTime()
    stage = fields.String()
    team_id = fields.String(allow_none=True)
    targeting = fields.Nested(TargetingOut, allow_none=True)
    consent = fields.Nested(ConsentOut, allow_none=True)
    visit_interval_days = Integer(allow_none=True)
    next_visit_due = fields.Date(allow_none=True)
    monitoring_until = fields.Date(allow_none=True)
    merged_into = fields.String(allow_none=True)
    moved_away_on = fields.Date(allow_none=True)
    moved_to_area = fields.String(allow_none=True)
    former_members = fields.List(fields.Nested(FormerMemberOut), attribute="departed")
    version = Integer()


class CaseOut(HouseholdOut):
    transitions = fields.List(fields.Nested(TransitionOut))
    risk = fields.Nested(RiskOut, metadata={"description": "the case's risk and its signals"})


class HouseholdSummaryOut(Schema):
    id = fields.String()
    village_code = fields.String()
    house_no = fields.String(allow_none=True)
    head_name = fields.String(allow_none=True, metadata={"example": "สมชาย ใจดี"})
    size = Integer()
    stage = fields.String()
    team_id = fields.String(allow_none=True)
    survey_year = Integer(allow_none=True)
    fails_income = fields.Boolean(allow_none=True)
    failed_indicators = Integer(allow_none=True)
    next_visit_due = fields.Date(allow_none=True)
    risk_level = fields.String(metadata={"enum": list(LEVELS)})
    plan_returned = fields.Boolean(
        metadata={"description": "its plan came back from the approver for the team to rework"}
    )
    version = Integer()
