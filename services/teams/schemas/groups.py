"""Occupation groups' payloads."""

from __future__ import annotations

from marshmallow import Schema, fields

from infra.dates import JOINED
from infra.fields import AreaCode, Day, Integer, Line
from services.teams.schemas.common import PageQuery, area, household_ids
from services.teams.schemas.group_progress import OtopProductOut


class OccupationGroupIn(Schema):  # members: trained households of the village
    name = Line(1, 200, required=True)
    occupation = Line(1, 200, required=True)
    village_code = AreaCode("village", required=True)
    members = household_ids(500, fewest=1, required=True)


class GroupMembersIn(Schema):
    members = household_ids(500, fewest=1, required=True)


class GroupRegistration(Schema):
    registration_number = Line(1, 60, required=True)
    registered_on = Day(JOINED, required=True)


class ListOccupationGroups(PageQuery):
    area = area(load_default=None)


class OccupationGroupOut(Schema):
    id = fields.String()
    name = fields.String()
    occupation = fields.String()
    village_code = fields.String()
    members = fields.List(fields.String())
    registered = fields.Boolean()
    registration_number = fields.String(allow_none=True)
    registered_on = fields.Date(allow_none=True)
    otop_product = fields.Nested(OtopProductOut, allow_none=True)
    created_at = fields.AwareDateTime()
    version = Integer()


class OccupationGroupsPage(Schema):
    items = fields.List(fields.Nested(OccupationGroupOut))
    next = fields.String(allow_none=True)
