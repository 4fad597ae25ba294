"""Payloads of the sage survey and the lead-trainer courses."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.dates import HAPPENED, PLANNED
from infra.fields import AreaCode, Day, Integer, Line
from services.teams.schemas.common import PageQuery, person_id
from services.teams.schemas.people import PHONE_SHAPE

MASKED = {"description": "masked but for its last four digits unless you manage the village"}
SKILLS = {"description": "what the sage can teach, in the village's own words (free text)"}


class CommunitySageIn(Schema):
    name = Line(1, 200, required=True)
    skills = fields.List(
        Line(1, 100), required=True, validate=validate.Length(1, 10), metadata=SKILLS
    )
    phone = Line(0, 30, load_default=None, allow_none=True, metadata=PHONE_SHAPE)


class SurveySage(CommunitySageIn):
    village_code = AreaCode("village", required=True)
    surveyed_on = Day(HAPPENED, required=True)


class LeadCourseIn(Schema):
    title = Line(1, 200, load_default="วิทยากรผู้นำสัมมาชีพ")
    venue = Line(0, 200, load_default="")
    starts_on = Day(PLANNED, required=True)
    ends_on = Day(PLANNED, required=True, metadata={"description": "the fourth day"})
    participants = fields.List(person_id(), required=True, validate=validate.Length(0, 500))


class RecordCourse(LeadCourseIn):
    area_code = AreaCode("province", "district", required=True)


class ListSurveyed(PageQuery):
    area = AreaCode(load_default=None)


class CommunitySageOut(Schema):
    id = fields.String()
    village_code = fields.String()
    name = fields.String()
    skills = fields.List(fields.String())
    phone = fields.String(allow_none=True, metadata=MASKED)
    surveyed_on = fields.Date()
    recorded_by = fields.String()
    created_at = fields.AwareDateTime()
    version = Integer()


class CommunitySagesPage(Schema):
    items = fields.List(fields.Nested(CommunitySageOut))
    next = fields.String(allow_none=True)


class LeadCourseOut(Schema):
    id = fields.String()
    area_code = fields.String()
    title = fields.String()
    venue = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    participants = fields.List(fields.String())
    recorded_by = fields.String()
    created_at = fields.AwareDateTime()
    version = Integer()


class LeadCoursesPage(Schema):
    items = fields.List(fields.Nested(LeadCourseOut))
    next = fields.String(allow_none=True)
