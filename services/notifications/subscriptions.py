"""The notifications service's own view of the events it consumes (never the producers' code).

Only the fields the rules and the directory use; unknown fields are ignored.
"""

from marshmallow import Schema, fields, validate

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


class Channels(Schema):
    line_user_id = fields.String(load_default=None, allow_none=True)
    email = fields.String(load_default=None, allow_none=True)
    phone = fields.String(load_default=None, allow_none=True)


class PersonV1(Schema):
    person_id = Id(required=True)
    username = fields.String(required=True)
    display_name = fields.String(required=True)
    roles = fields.List(fields.String(), required=True)
    areas = fields.List(Area(), required=True)
    channels = fields.Nested(Channels, load_default=dict)
    language = fields.String(load_default="th", validate=validate.OneOf(["th", "en"]))
    active = fields.Boolean(load_default=True)
    version = fields.Integer(load_default=None)


class PersonDeactivatedV1(Schema):
    person_id = Id(required=True)
    version = fields.Integer(load_default=None)


class Members(Schema):
    volunteer_leader = Id(load_default=None, allow_none=True)
    subdistrict_coordinator = Id(load_default=None, allow_none=True)
    district_expert = Id(load_default=None, allow_none=True)


class TeamMembershipChangedV1(Schema):
    team_id = Id(required=True)
    team_name = fields.String(required=True)
    coverage = fields.List(Area(), required=True)
    members = fields.Nested(Members, required=True)
    complete = fields.Boolean(required=True)


class TeamIncompleteV1(Schema):
    team_id = Id(required=True)
    team_name = fields.String(required=True)
    coverage = fields.List(Area(), required=True)
    missing_roles = fields.List(fields.String(), required=True)


class TeamCompletedV1(Schema):
    team_id = Id(required=True)


class HouseholdAssignedV1(Schema):
    household_id = Id(required=True)
    team_id = Id(required=True)
    village_code = Area(required=True)


class HouseholdReassignedV1(Schema):
    household_id = Id(required=True)
    to_team_id = Id(required=True)
    village_code = Area(required=True)


class LoanRepaidV1(Schema):
    loan_id = Id(required=True)
    village_code = Area(required=True)
    in_arrears = fields.Boolean(required=True)
    closed = fields.Boolean(required=True)


class LoanOverdueV1(Schema):
    loan_id = Id(required=True)
    household_id = Id(load_default=None, allow_none=True)
    village_code = Area(required=True)
    bucket = fields.String(required=True)
    days_overdue = fields.Integer(required=True)
    arrears_thb = fields.Decimal(required=True)
    as_of = fields.Date(required=True)


HOUSEHOLDS = {
    "household_registered": HouseholdRegisteredV1,
    "household_import_finished": HouseholdImportFinishedV1,
    "plan_submitted": PlanSubmittedV1,
    "plan_approved": PlanApprovedV1,
    "plan_returned": PlanReturnedV1,
    "intervention_requested": InterventionRequestedV1,
    "intervention_status_changed": InterventionStatusChangedV1,
    "visit_logged": VisitLoggedV1,
    "visit_overdue": VisitOverdueV1,
    "household_income_fell": HouseholdIncomeFellV1,
    "household_graduated": HouseholdGraduatedV1,
}
TEAMS = {
    "person_registered": PersonV1,
    "person_updated": PersonV1,
    "person_deactivated": PersonDeactivatedV1,
    "team_membership_changed": TeamMembershipChangedV1,
    "team_incomplete": TeamIncompleteV1,
    "team_completed": TeamCompletedV1,
    "household_assigned": HouseholdAssignedV1,
    "household_reassigned": HouseholdReassignedV1,
}


class LoanWrittenOffV1(Schema):
    loan_id = Id(required=True)
    village_code = Area(required=True)


FUNDING = {
    "loan_overdue": LoanOverdueV1,
    "loan_repaid": LoanRepaidV1,
    "loan_written_off": LoanWrittenOffV1,
}

# (source, event type) -> {version: schema}: what this service consumes, checked by contract tests.
SUBSCRIPTIONS = {
    (source, event_type): {1: schema}
    for source, events in (("households", HOUSEHOLDS), ("teams", TEAMS), ("funding", FUNDING))
    for event_type, schema in events.items()
}
HOUSEHOLD_REGISTERED = SUBSCRIPTIONS[("households", "household_registered")]
