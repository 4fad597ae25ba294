"""The households service's events, as the notifications service reads them."""

from marshmallow import Schema, fields

Id = fields.String
Area = fields.String


class HouseholdRegisteredV1(Schema):
    household_id = Id(required=True)
    village_code = Area(required=True)
    member_count = fields.Integer(required=True)


class TambonCounts(Schema):
    tambon_code = Area(required=True)
    accepted = fields.Integer(required=True)
    unchanged = fields.Integer(required=True)
    rejected = fields.Integer(required=True)


class HouseholdImportFinishedV1(Schema):
    import_id = Id(required=True)
    survey_year = fields.Integer(required=True)
    status = fields.String(required=True)
    tambons = fields.List(fields.Nested(TambonCounts), required=True)


class Case(Schema):
    household_id = Id(required=True)
    village_code = Area(required=True)
    team_id = Id(load_default=None, allow_none=True)


class PlanSubmittedV1(Case):
    plan_id = Id(required=True)
    submitted_at = fields.AwareDateTime(required=True)


class PlanApprovedV1(Case):
    plan_id = Id(required=True)


class PlanReturnedV1(Case):
    plan_id = Id(required=True)
    reason = fields.String(load_default="")


class InterventionRequestedV1(Case):
    intervention_id = Id(required=True)
    kind = fields.String(required=True)
    agency = fields.String(load_default=None, allow_none=True)
    requested_at = fields.AwareDateTime(required=True)


class InterventionStatusChangedV1(Case):
    intervention_id = Id(required=True)
    kind = fields.String(required=True)
    status = fields.String(required=True)


class VisitLoggedV1(Case):
    visit_id = Id(required=True)


class VisitOverdueV1(Case):
    due_on = fields.Date(required=True)


class HouseholdIncomeFellV1(Case):
    previous_income_per_person_thb = fields.Decimal(required=True)
    income_per_person_thb = fields.Decimal(required=True)


class HouseholdGraduatedV1(Case):
    monitoring_until = fields.Date(required=True)


class CaseRiskChangedV1(Case):
    level = fields.String(required=True)
    signals = fields.List(fields.String(), required=True)


class HouseholdMovedAwayV1(Case):
    moved_on = fields.Date(required=True)


class HouseholdMergedV1(Case):
    into_household_id = Id(required=True)
