"""Events of household upkeep (docs/EVENTS.md): members join and leave, the head changes, a person
moves between households, a household moves away or is merged into the one it duplicates.

A member is named by their number in the household, never by name or national ID; `member_count`
is the household's size after the change."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract

HOUSEHOLD = "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10"
OTHER = "6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d"
TEAM = "5d0c1b8e-2a34-4e0f-8a8c-7f5b9c1d2e3f"
PERSON = "3f2a9d4c-6b1e-4f7a-9c2d-1e8b7a6c5d40"
AT = "2026-11-21T03:00:00+00:00"


class Upkeep(Schema):
    household_id = fields.UUID(required=True)
    village_code = fields.String(required=True)
    team_id = fields.String(required=True, allow_none=True)
    member_count = fields.Integer(required=True)
    changed_by = fields.String(required=True)
    changed_at = fields.AwareDateTime(required=True)


class MemberAddedData(Upkeep):
    member_number = fields.Integer(required=True)
    is_head = fields.Boolean(required=True)


class MemberRemovedData(Upkeep):
    member_number = fields.Integer(required=True)
    reason = fields.String(required=True, validate=validate.OneOf(("moved_out", "deceased")))
    left_on = fields.Date(required=True)
    head_number = fields.Integer(required=True)


class HeadChangedData(Upkeep):
    head_number = fields.Integer(required=True)
    previous_head_number = fields.Integer(required=True)


class MemberMovedData(Upkeep):
    """`household_id` is the household the member left; `to_*` the one they joined."""

    member_number = fields.Integer(required=True)
    moved_on = fields.Date(required=True)
    head_number = fields.Integer(required=True)
    to_household_id = fields.UUID(required=True)
    to_village_code = fields.String(required=True)
    to_team_id = fields.String(required=True, allow_none=True)
    to_member_number = fields.Integer(required=True)
    to_member_count = fields.Integer(required=True)


class MovedAwayData(Upkeep):
    moved_on = fields.Date(required=True)
    destination_area_code = fields.String(required=True, allow_none=True)


class MergedData(Upkeep):
    """`household_id` is the duplicate (closed, merged); `into_*` the household that stays,
    `into_member_count` its size now."""

    into_household_id = fields.UUID(required=True)
    into_village_code = fields.String(required=True)
    into_team_id = fields.String(required=True, allow_none=True)
    into_member_count = fields.Integer(required=True)
    members_joined = fields.Integer(required=True)


_BASE = {
    "household_id": HOUSEHOLD,
    "village_code": "24010101",
    "team_id": TEAM,
    "member_count": 4,
    "changed_by": PERSON,
    "changed_at": AT,
}

HOUSEHOLD_MEMBER_ADDED = EventContract(
    "household_member_added",
    1,
    MemberAddedData,
    example={**_BASE, "member_number": 4, "is_head": False},
)
HOUSEHOLD_MEMBER_REMOVED = EventContract(
    "household_member_removed",
    1,
    MemberRemovedData,
    example={
        **_BASE,
        "member_number": 2,
        "reason": "deceased",
        "left_on": "2026-11-02",
        "head_number": 0,
    },
)
HOUSEHOLD_HEAD_CHANGED = EventContract(
    "household_head_changed",
    1,
    HeadChangedData,
    example={**_BASE, "head_number": 1, "previous_head_number": 0},
)
HOUSEHOLD_MEMBER_MOVED = EventContract(
    "household_member_moved",
    1,
    MemberMovedData,
    example={
        **_BASE,
        "member_number": 3,
        "moved_on": "2026-11-02",
        "head_number": 0,
        "to_household_id": OTHER,
        "to_village_code": "24010102",
        "to_team_id": None,
        "to_member_number": 5,
        "to_member_count": 6,
    },
)
HOUSEHOLD_MOVED_AWAY = EventContract(
    "household_moved_away",
    1,
    MovedAwayData,
    example={**_BASE, "moved_on": "2026-11-02", "destination_area_code": "1001"},
)
HOUSEHOLD_MERGED = EventContract(
    "household_merged",
    1,
    MergedData,
    example={
        **_BASE,
        "member_count": 3,
        "into_household_id": OTHER,
        "into_village_code": "24010101",
        "into_team_id": TEAM,
        "into_member_count": 7,
        "members_joined": 3,
    },
)

UPKEEP_PUBLISHED = [
    HOUSEHOLD_MEMBER_ADDED,
    HOUSEHOLD_MEMBER_REMOVED,
    HOUSEHOLD_HEAD_CHANGED,
    HOUSEHOLD_MEMBER_MOVED,
    HOUSEHOLD_MOVED_AWAY,
    HOUSEHOLD_MERGED,
]
