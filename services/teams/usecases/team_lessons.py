"""What a Smile Team reports on its approved plan: progress on its tasks, a report per quarter of
the fiscal year, and lessons learned, which every team of the province reads (teams learn from
each other, seed 003) and nobody outside the province does."""

from __future__ import annotations

from datetime import datetime

from infra.caller import SMILE_TEAM_ROLES, Caller
from infra.errors import Conflict, FieldError, NotFound
from infra.pagination import Page
from services.teams.db import TeamsUnitOfWork
from services.teams.db.team_plans import LessonFilter
from services.teams.domain import policy, team_plans
from services.teams.domain.support_organisations import ActionPlan
from services.teams.domain.team_plans import Lesson, PeriodReport
from services.teams.team_plan_events import LESSON_PUBLISHED
from services.teams.usecases.commands.support_organisations import ReportProgress
from services.teams.usecases.commands.team_plans import ListLessons, PublishLesson, ReportQuarter
from services.teams.usecases.team_plans import kept

REPORTED = Conflict(
    "this quarter is already reported",
    [FieldError("quarter", "one report per quarter")],
)


def report_task(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, task_id: str, command: ReportProgress,
    now: datetime,
) -> ActionPlan:  # fmt: skip
    with uow:
        plan, _ = kept(uow, caller, plan_id, None)
        if plan.task(task_id) is None:
            raise NotFound(f"task {task_id} not found")
        changed = team_plans.progress_reported(plan, task_id, command.percent)
        uow.plans.save(changed)
        report = {"task_id": task_id, "reported_on": command.reported_on, "note": command.note}
        uow.plans.add_report(
            {**report, "percent": command.percent, "reported_by": caller.person_id,
             "reported_at": now}
        )  # fmt: skip
        uow.commit()
    return changed


def report_quarter(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, command: ReportQuarter, now: datetime
) -> ActionPlan:
    with uow, uow.if_taken(REPORTED):
        plan, _ = kept(uow, caller, plan_id, None)
        report = PeriodReport.of(
            plan, command.quarter, command.summary, command.households_followed,
            caller.person_id, now,
        )  # fmt: skip
        if uow.team_plans.quarter_reported(plan.id, command.quarter):
            raise REPORTED
        uow.team_plans.add_period_report(report)
        uow.commit()
    return plan


def publish_lesson(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, command: PublishLesson, now: datetime
) -> Lesson:
    with uow:
        plan, team = kept(uow, caller, plan_id, None)
        district = team.coverage[0][:4]
        lesson = Lesson.learned(
            plan, district, command.topic, command.title, command.text, caller.person_id, now
        )
        uow.team_plans.add_lesson(lesson)
        uow.emit(LESSON_PUBLISHED, _event(lesson))
        uow.commit()
    return lesson


def list_lessons(uow: TeamsUnitOfWork, caller: Caller, query: ListLessons) -> Page[Lesson]:
    with uow:
        where = LessonFilter(_provinces(uow, caller), query.topic, query.area, query.fiscal_year)
        return uow.team_plans.lessons(where, query.after, query.limit)


def _provinces(uow: TeamsUnitOfWork, caller: Caller) -> tuple[str, ...] | None:
    """The provinces whose lessons the caller reads: those of their areas (Smile Team members
    and supervisors, coordinators and experts) and of the teams they serve in; None is all."""
    if caller.is_admin:
        return None
    own = caller.areas if caller.has_role(*SMILE_TEAM_ROLES, *policy.AREA_READERS) else ()
    served = (a for team in uow.teams.of_person(caller.person_id) for a in team.coverage)
    return tuple(sorted({a[:2] for a in (*own, *served) if a}))


def _event(lesson: Lesson) -> dict[str, object]:
    return {
        "lesson_id": lesson.id,
        "plan_id": lesson.plan_id,
        "team_id": lesson.team_id,
        "district_code": lesson.district_code,
        "fiscal_year": lesson.fiscal_year,
        "topic": lesson.topic,
        "title": lesson.title,
        "published_by": lesson.published_by,
        "published_at": lesson.published_at,
    }
