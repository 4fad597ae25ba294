"""The gateway's own view of the teams events that change what a person may do."""

from marshmallow import Schema, fields


class PersonChangedV1(Schema):
    person_id = fields.String(required=True)


class TeamMembershipChangedV1(Schema):
    team_id = fields.String(required=True)
    change = fields.String(required=True)
    person_id = fields.String(load_default=None, allow_none=True)


SUBSCRIPTIONS = {
    ("teams", "person_deactivated"): {1: PersonChangedV1},
    ("teams", "person_updated"): {1: PersonChangedV1},
    ("teams", "password_changed"): {1: PersonChangedV1},
    ("teams", "team_membership_changed"): {1: TeamMembershipChangedV1},
}
