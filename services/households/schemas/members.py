"""Household upkeep payloads: a member joins or leaves, the head changes."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.dates import BIRTH, HAPPENED
from infra.fields import Day, Integer, Line, NationalId, Text

MEMBER_NUMBER = {"minimum": 0, "maximum": 999}


def member_number(description: str | None = None, **kwargs: object) -> Integer:
    about = {"description": description} if description else {}
    metadata = {**MEMBER_NUMBER, **about}
    return Integer(strict=True, validate=validate.Range(0, 999), metadata=metadata, **kwargs)


class AddMember(Schema):
    first_name = Line(1, 100, required=True)
    last_name = Line(1, 100, required=True)
    national_id = NationalId(required=True)
    is_head = fields.Boolean(load_default=False)
    birth_date = Day(BIRTH, load_default=None)
    sex = fields.String(load_default=None, validate=validate.OneOf(["male", "female"]))
    reason = Text(1, 1000, required=True, metadata={"example": "born in the household"})


class RemoveMember(Schema):
    reason = fields.String(required=True, validate=validate.OneOf(["moved_out", "deceased"]))
    left_on = Day(HAPPENED, required=True)
    new_head = member_number(
        "the member who heads the household when the head leaves", load_default=None
    )
    note = Text(1, 1000, load_default=None)


class ChangeHead(Schema):
    member = member_number(required=True)
    reason = Text(1, 1000, required=True)


class FormerMemberOut(Schema):
    """A member who left the household: kept in its history, not counted in its size."""

    first_name = fields.String(attribute="member.first_name")
    last_name = fields.String(attribute="member.last_name")
    national_id = fields.String(attribute="member.national_id")
    number = Integer(attribute="member.number")
    reason = fields.String(metadata={"enum": ["moved_out", "deceased", "moved"]})
    left_on = fields.Date()
    to_household_id = fields.String(allow_none=True)
