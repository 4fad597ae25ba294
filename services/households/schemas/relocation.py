"""Upkeep across households: a member moves, a household moves away or merges into another."""

from __future__ import annotations

from marshmallow import Schema

from infra.dates import HAPPENED
from infra.fields import AreaCode, Day, Integer, Line, Text
from services.households.schemas.members import member_number

VERSION = {"minimum": 1, "description": "the version of that household as you read it"}


def version() -> Integer:
    return Integer(required=True, strict=True, metadata=VERSION)


class MoveMember(Schema):
    member = member_number(required=True)
    to_household_id = Line(1, 36, required=True)
    to_version = version()
    moved_on = Day(HAPPENED, required=True)
    new_head = member_number(load_default=None)
    reason = Text(1, 1000, required=True)


class MoveAway(Schema):
    moved_on = Day(HAPPENED, required=True)
    destination_area_code = AreaCode(load_default=None)
    reason = Text(1, 1000, required=True)


class MergeHousehold(Schema):
    into_household_id = Line(1, 36, required=True)
    into_version = version()
    reason = Text(1, 1000, required=True)
