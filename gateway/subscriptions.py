"""The gateway's own view of the teams events that change what a person may do, and what each
does. Its handlers and their queues are made from `TABLE` (`infra.subscriptions`)."""

from marshmallow import Schema, fields

from gateway.access_events import revoke_leaver, revoke_person
from infra.subscriptions import event_entrypoints, table, versions_of


class PersonChangedV1(Schema):
    person_id = fields.String(required=True)


class TeamMembershipChangedV1(Schema):
    team_id = fields.String(required=True)
    change = fields.String(required=True)
    person_id = fields.String(load_default=None, allow_none=True)


TABLE = table(
    ("teams", "person_deactivated", 1, PersonChangedV1, revoke_person),
    ("teams", "person_updated", 1, PersonChangedV1, revoke_person),
    ("teams", "password_changed", 1, PersonChangedV1, revoke_person),
    ("teams", "team_membership_changed", 1, TeamMembershipChangedV1, revoke_leaver),
)

SUBSCRIPTIONS = versions_of(TABLE)

# the use cases are handed the revocation list: the gateway has no unit of work
AccessEvents = event_entrypoints(TABLE, store="revocations")
