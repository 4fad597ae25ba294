"""Events of the Smile Teams' yearly plans: a plan submitted for the district's approval, a plan
approved, a lesson learned published for the province's teams. Listed in
`services.teams.events.PUBLISHED` with the others (docs/EVENTS.md). No personal data: ids, areas,
the fiscal year and the lesson's title and topic."""

from marshmallow import Schema, fields, validate

from infra.envelope import EventContract
from services.teams.vocabulary import LESSON_TOPICS

TEAM_ID = "5d0c1b8e-2a34-4e0f-8a8c-7f5b9c1d2e3f"
PLAN_ID = "7c6b5a4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
PERSON_ID = "6f1c2b7e-0b1a-4f4e-9d5a-3c2d1e0f9a8b"
AT = "2026-11-21T03:00:00+00:00"


class TeamPlanData(Schema):
    plan_id = fields.UUID(required=True)
    team_id = fields.UUID(required=True)
    coverage = fields.List(fields.String(), required=True)  # the team's sub-districts
    fiscal_year = fields.Integer(required=True)  # Buddhist era, 1 Oct - 30 Sep
    title = fields.String(required=True)
    by = fields.String(required=True)  # who submitted or approved it
    at = fields.AwareDateTime(required=True)
    version = fields.Integer(required=True)


class LessonPublishedData(Schema):
    lesson_id = fields.UUID(required=True)
    plan_id = fields.UUID(required=True)
    team_id = fields.UUID(required=True)
    district_code = fields.String(required=True)  # read by the teams of its province
    fiscal_year = fields.Integer(required=True)
    topic = fields.String(required=True, validate=validate.OneOf(LESSON_TOPICS))
    title = fields.String(required=True)
    published_by = fields.String(required=True)
    published_at = fields.AwareDateTime(required=True)


_PLAN = {
    "plan_id": PLAN_ID,
    "team_id": TEAM_ID,
    "coverage": ["240101", "240102"],
    "fiscal_year": 2570,
    "title": "แผนปฏิบัติการ Smile Team ตำบลหน้าเมือง ปี 2570",
    "by": PERSON_ID,
    "at": AT,
    "version": 4,
}
TEAM_PLAN_SUBMITTED = EventContract("team_plan_submitted", 1, TeamPlanData, _PLAN)
TEAM_PLAN_APPROVED = EventContract("team_plan_approved", 1, TeamPlanData, {**_PLAN, "version": 5})
LESSON_PUBLISHED = EventContract(
    "lesson_published",
    1,
    LessonPublishedData,
    {
        "lesson_id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
        "plan_id": PLAN_ID,
        "team_id": TEAM_ID,
        "district_code": "2401",
        "fiscal_year": 2570,
        "topic": "funding",
        "title": "ชวนครัวเรือนเข้ากลุ่มออมทรัพย์ก่อนขอกู้",
        "published_by": PERSON_ID,
        "published_at": AT,
    },
)
TEAM_PLAN_PUBLISHED = [TEAM_PLAN_SUBMITTED, TEAM_PLAN_APPROVED, LESSON_PUBLISHED]
