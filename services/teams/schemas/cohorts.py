"""Sammachip cohort payloads: cohorts, sessions, attendance and completion."""

from __future__ import annotations

from collections import Counter
from typing import Any

from marshmallow import Schema, fields, pre_dump, validate

from infra.dates import HAPPENED
from infra.fields import Day, Integer, Line, Text
from services.teams.schemas.common import PageQuery, Uuid, area, household_ids, person_id
from services.teams.vocabulary import SESSION_KINDS


class OpenCohort(Schema):
    trainer_team_id = person_id(required=True)
    occupation = Line(1, 200, required=True)
    households = household_ids(1000, fewest=1, required=True)


class EnrolHouseholds(Schema):
    households = household_ids(1000, fewest=1, required=True)


class TrainingSessionIn(Schema):
    held_on = Day(HAPPENED, required=True)
    duration_minutes = Integer(required=True, validate=validate.Range(1, 24 * 60))
    kind = fields.String(required=True, validate=validate.OneOf(SESSION_KINDS))
    topic = Text(0, 300, load_default="")


class AttendanceMark(Schema):
    household_id = Uuid(required=True)
    present = fields.Boolean(required=True)


class AttendanceIn(Schema):
    attendance = fields.List(
        fields.Nested(AttendanceMark), required=True, validate=validate.Length(1, 1000)
    )


class CompleteCohort(Schema):
    households = household_ids(1000, load_default=None, allow_none=True)


class ListCohorts(PageQuery):
    trainer_team_id = person_id(load_default=None)
    area = area(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(["open", "completed"]))


class CohortOut(Schema):
    id = fields.String()
    trainer_team_id = fields.String()
    village_code = fields.String()
    occupation = fields.String()
    status = fields.String(metadata={"enum": ["open", "completed"]})
    households = fields.List(fields.String())
    created_at = fields.AwareDateTime()
    completed_at = fields.AwareDateTime(allow_none=True)
    version = Integer()


class CohortsPage(Schema):
    items = fields.List(fields.Nested(CohortOut))
    next = fields.String(allow_none=True)


class TrainingSessionOut(Schema):
    id = fields.String()
    held_on = fields.Date()
    duration_minutes = Integer()
    kind = fields.String()
    topic = fields.String()
    recorded_by = fields.String()
    recorded_at = fields.AwareDateTime()
    present = Integer(dump_default=0, metadata={"description": "households present"})


class HouseholdAttendance(Schema):
    household_id = fields.String()
    sessions_attended = Integer()


class CohortDetailOut(CohortOut):
    sessions = fields.List(fields.Nested(TrainingSessionOut))
    attendance = fields.List(fields.Nested(HouseholdAttendance))

    @pre_dump
    def _view(self, found: dict[str, Any], **_: object) -> dict[str, Any]:
        marks: dict[str, dict[str, bool]] = found["attendance"]
        per_household = Counter(h for m in marks.values() for h, here in m.items() if here)
        sessions = [
            {**s.__dict__, "present": sum(marks.get(s.id, {}).values())} for s in found["sessions"]
        ]
        attendance = [
            {"household_id": h, "sessions_attended": per_household[h]}
            for h in found["cohort"].households
        ]
        return {**found["cohort"].__dict__, "sessions": sessions, "attendance": attendance}


class AttendanceOut(Schema):
    session_id = fields.String()
    attendance = fields.List(fields.Nested(AttendanceMark))
