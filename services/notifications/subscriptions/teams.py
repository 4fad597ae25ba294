"""The teams service's events, as the notifications service reads them."""

from marshmallow import Schema, fields, validate

Id = fields.String
Area = fields.String


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


class CohortFollowUpOverdueV1(Schema):
    subject_id = Id(required=True)
    cohort_id = Id(required=True)
    village_code = Area(required=True)
    occupation = fields.String(required=True)
    due_on = fields.Date(required=True)


class CohortFollowUpDoneV1(Schema):
    cohort_id = Id(required=True)
    follow_up_id = Id(required=True)
    phase = fields.String(required=True)
