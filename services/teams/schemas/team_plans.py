"""A Smile Team's yearly plan and its lessons learned: payloads in and out."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, pre_dump, validate

from infra.dates import PLANNED
from infra.fields import Day, Integer, Line, Text, fiscal_year
from services.teams.schemas.common import PageQuery, Uuid, area, person_id
from services.teams.schemas.support_organisations import ActionPlanOut, PlanTaskOut
from services.teams.vocabulary import APPROVAL, LESSON_TOPICS

TASK_STATUSES = ("not_started", "in_progress", "done")


class StartTeamPlan(Schema):
    fiscal_year = fiscal_year(required=True)
    title = Line(1, 200, required=True)


class EditTeamPlan(Schema):
    title = Line(1, 200, required=True)


class TeamTaskIn(Schema):
    title = Line(1, 300, required=True)
    due_on = Day(PLANNED, required=True, metadata={"description": "in the plan's fiscal year"})
    household_id = Uuid(load_default=None, allow_none=True)
    owner_id = person_id(load_default=None, allow_none=True)


class DecideTeamPlan(Schema):
    approve = fields.Boolean(required=True)
    note = Text(0, 2000, load_default=None, allow_none=True)


class ReportQuarter(Schema):
    quarter = Integer(required=True, validate=validate.Range(1, 4))
    summary = Text(1, 10000, required=True)
    households_followed = Integer(load_default=0, validate=validate.Range(0, 100000))


class PublishLesson(Schema):
    topic = fields.String(required=True, validate=validate.OneOf(list(LESSON_TOPICS)))
    title = Line(1, 200, required=True)
    text = Text(1, 10000, required=True)


class ListLessons(PageQuery):
    topic = fields.String(load_default=None, validate=validate.OneOf(list(LESSON_TOPICS)))
    area = area(load_default=None)
    fiscal_year = fiscal_year(load_default=None)


class LessonOut(Schema):
    id = fields.String()
    plan_id = fields.String()
    team_id = fields.String()
    district_code = fields.String()
    province_code = fields.String()
    fiscal_year = Integer()
    topic = fields.String(metadata={"enum": list(LESSON_TOPICS)})
    topic_th = fields.String()
    title = fields.String()
    text = fields.String()
    published_by = fields.String()
    published_at = fields.AwareDateTime()

    @pre_dump
    def _view(self, lesson: Any, **_: object) -> dict[str, Any]:
        topic_th = LESSON_TOPICS[lesson.topic]
        return {**lesson.__dict__, "province_code": lesson.province_code, "topic_th": topic_th}


class LessonsPage(Schema):
    items = fields.List(fields.Nested(LessonOut))
    next = fields.String(allow_none=True)


class PeriodReportOut(Schema):
    quarter = Integer()
    summary = fields.String()
    households_followed = Integer()
    reported_by = fields.String()
    reported_at = fields.AwareDateTime()


class TeamTaskOut(PlanTaskOut):
    household_id = fields.String(allow_none=True)
    status = fields.String(metadata={"enum": list(TASK_STATUSES)})


class TeamPlanOut(ActionPlanOut):
    """An action plan owned by a team: its fiscal year, approval, quarterly reports, lessons."""

    class Meta:
        exclude = ("organisation_id", "year")

    team_id = fields.String()
    fiscal_year = Integer()
    approval = fields.String(metadata={"enum": list(APPROVAL)})
    tasks = fields.List(fields.Nested(TeamTaskOut))
    period_reports = fields.List(fields.Nested(PeriodReportOut))
    lessons = fields.List(fields.Nested(LessonOut))

    @pre_dump
    def _view(self, found: dict[str, Any], **_: object) -> dict[str, Any]:
        view = ActionPlanOut._view(self, found)
        for task in view["tasks"]:
            task["status"] = _status(task["progress"])
        plan = found["plan"]
        extra = {"fiscal_year": plan.year, "period_reports": found["period_reports"]}
        return {**view, **extra, "lessons": found["lessons"]}


class TeamPlanSummary(Schema):
    id = fields.String()
    fiscal_year = Integer(attribute="year")
    title = fields.String()
    approval = fields.String()
    version = Integer()


class TeamPlansOut(Schema):
    items = fields.List(fields.Nested(TeamPlanSummary))
    next = fields.String(allow_none=True)


def _status(progress: int) -> str:
    if progress >= 100:
        return TASK_STATUSES[2]
    return TASK_STATUSES[1] if progress > 0 else TASK_STATUSES[0]
