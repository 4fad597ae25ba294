"""Events the teams service publishes (see docs/EVENTS.md)."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from infra.personal_data import PERSONAL
from services.teams.cohort_care_events import COHORT_CARE_PUBLISHED
from services.teams.sammachip_events import SAMMACHIP_PUBLISHED
from services.teams.team_plan_events import TEAM_PLAN_PUBLISHED

TEAM_ID = "5d0c1b8e-2a34-4e0f-8a8c-7f5b9c1d2e3f"
OTHER_TEAM_ID = "8b7e6d5c-4a3b-4c2d-9e1f-0a9b8c7d6e5f"
HOUSEHOLD_ID = "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10"
PERSON_ID = "6f1c2b7e-0b1a-4f4e-9d5a-3c2d1e0f9a8b"
AT = "2026-11-21T03:00:00+00:00"
CHANGES = ("formed", "joined", "left", "changed")
TEAM_ROLES = ("volunteer_leader", "subdistrict_coordinator", "district_expert")


class Channels(Schema):
    line_user_id = fields.String(required=True, allow_none=True)
    email = fields.String(required=True, allow_none=True)
    phone = fields.String(required=True, allow_none=True)


class PersonData(Schema):
    person_id = fields.UUID(required=True)
    username = fields.String(required=True, metadata=PERSONAL)
    display_name = fields.String(required=True, metadata=PERSONAL)
    roles = fields.List(fields.String(), required=True)
    areas = fields.List(fields.String(), required=True)
    channels = fields.Nested(Channels, required=True, metadata=PERSONAL)
    language = fields.String(required=True)
    active = fields.Boolean(required=True)
    version = fields.Integer(required=True)  # consumers ignore an older version arriving late


class PersonDeactivatedData(Schema):
    person_id = fields.UUID(required=True)
    version = fields.Integer(required=True)


class PasswordChangedData(Schema):
    person_id = fields.UUID(required=True)


class Seats(Schema):
    volunteer_leader = fields.String(required=True, allow_none=True)
    subdistrict_coordinator = fields.String(required=True, allow_none=True)
    district_expert = fields.String(required=True, allow_none=True)


class TeamData(Schema):
    team_id = fields.UUID(required=True)
    team_name = fields.String(required=True)
    coverage = fields.List(fields.String(), required=True)


class TeamMembershipChangedData(TeamData):
    members = fields.Nested(Seats, required=True)
    complete = fields.Boolean(required=True)
    change = fields.String(required=True, validate=validate.OneOf(CHANGES))
    person_id = fields.String(required=True, allow_none=True)
    role = fields.String(required=True, allow_none=True, validate=validate.OneOf(TEAM_ROLES))


class TeamIncompleteData(TeamData):
    missing_roles = fields.List(fields.String(validate=validate.OneOf(TEAM_ROLES)), required=True)


class HouseholdAssignedData(Schema):
    household_id = fields.UUID(required=True)
    team_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    assigned_by = fields.String(required=True)
    assigned_at = fields.AwareDateTime(required=True)


class HouseholdReassignedData(Schema):
    household_id = fields.UUID(required=True)
    from_team_id = fields.UUID(required=True)
    to_team_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    reason = fields.String(required=True)
    reassigned_by = fields.String(required=True)
    reassigned_at = fields.AwareDateTime(required=True)


class TrainingCompletedData(Schema):
    household_id = fields.UUID(required=True)
    cohort_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    occupation = fields.String(required=True)
    completed_at = fields.AwareDateTime(required=True)


_PERSON = {
    "person_id": PERSON_ID,
    "username": "somsri.k",
    "display_name": "สมศรี ก.",
    "roles": ["subdistrict_coordinator"],
    "areas": ["240101"],
    "channels": {"line_user_id": None, "email": "somsri@example.org", "phone": "+66812345678"},
    "language": "th",
    "active": True,
    "version": 2,
}
_TEAM = {"team_id": TEAM_ID, "team_name": "Smile Team Bang Phra", "coverage": ["240101", "240102"]}
PERSON_REGISTERED = EventContract("person_registered", 1, PersonData, _PERSON)
PERSON_UPDATED = EventContract("person_updated", 1, PersonData, _PERSON)
PERSON_DEACTIVATED = EventContract(
    "person_deactivated", 1, PersonDeactivatedData, {"person_id": PERSON_ID, "version": 3}
)
PASSWORD_CHANGED = EventContract(  # the gateway refuses tokens issued before it
    "password_changed", 1, PasswordChangedData, {"person_id": PERSON_ID}
)
TEAM_MEMBERSHIP_CHANGED = EventContract(
    "team_membership_changed",
    1,
    TeamMembershipChangedData,
    {
        **_TEAM,
        "members": {
            "volunteer_leader": None,
            "subdistrict_coordinator": PERSON_ID,
            "district_expert": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        },
        "complete": False,
        "change": "left",
        "person_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        "role": "volunteer_leader",
    },
)
TEAM_INCOMPLETE = EventContract(
    "team_incomplete", 1, TeamIncompleteData, {**_TEAM, "missing_roles": ["volunteer_leader"]}
)
TEAM_COMPLETED = EventContract("team_completed", 1, TeamData, _TEAM)
HOUSEHOLD_ASSIGNED = EventContract(
    "household_assigned",
    1,
    HouseholdAssignedData,
    {
        "household_id": HOUSEHOLD_ID,
        "team_id": TEAM_ID,
        "village_code": "24010101",
        "assigned_by": PERSON_ID,
        "assigned_at": AT,
    },
)
HOUSEHOLD_REASSIGNED = EventContract(
    "household_reassigned",
    1,
    HouseholdReassignedData,
    {
        "household_id": HOUSEHOLD_ID,
        "from_team_id": TEAM_ID,
        "to_team_id": OTHER_TEAM_ID,
        "village_code": "24010101",
        "reason": "the volunteer leader moved away; the neighbouring team takes over",
        "reassigned_by": PERSON_ID,
        "reassigned_at": AT,
    },
)
TRAINING_COMPLETED = EventContract(
    "training_completed",
    1,
    TrainingCompletedData,
    {
        "household_id": HOUSEHOLD_ID,
        "cohort_id": "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b",
        "village_code": "24010101",
        "occupation": "basketry",
        "completed_at": AT,
    },
)

PUBLISHED = [
    PERSON_REGISTERED,
    PERSON_UPDATED,
    PERSON_DEACTIVATED,
    PASSWORD_CHANGED,
    TEAM_MEMBERSHIP_CHANGED,
    TEAM_INCOMPLETE,
    TEAM_COMPLETED,
    HOUSEHOLD_ASSIGNED,
    HOUSEHOLD_REASSIGNED,
    TRAINING_COMPLETED,
    *SAMMACHIP_PUBLISHED,
    *TEAM_PLAN_PUBLISHED,
    *COHORT_CARE_PUBLISHED,
]
