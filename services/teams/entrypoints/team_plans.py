"""A Smile Team's yearly plan and the lessons learned of the province's teams."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.commands import command_of
from infra.fiscal import thai_today
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import support_organisations as o
from services.teams.schemas import team_plans as s
from services.teams.usecases import team_lessons, team_plans
from services.teams.usecases.commands import support_organisations as oc
from services.teams.usecases.commands import team_plans as c

Payload = dict[str, Any]


class TeamPlanEntrypoints:
    uow: TeamsUnitOfWork

    def _view(self, caller: Payload, plan_id: str, at: datetime) -> Payload:
        found = team_plans.plan_view(self.uow, who(caller), plan_id)
        return s.TeamPlanOut(today=thai_today(at)).dump(found)

    @rpc
    def start_team_plan(self, caller: Payload, team_id: str, payload: Payload) -> Payload:
        at, command = now(), command_of(c.StartTeamPlan, load(s.StartTeamPlan, payload))
        plan = team_plans.start_plan(self.uow, who(caller), team_id, command, at)
        return self._view(caller, plan.id, at)

    @rpc
    def list_team_plans(self, caller: Payload, team_id: str) -> Payload:
        found = team_plans.plans_of_team(self.uow, who(caller), team_id)
        return dump(s.TeamPlansOut, {"items": found, "next": None})

    @rpc
    def get_team_plan(self, caller: Payload, plan_id: str) -> Payload:
        return self._view(caller, plan_id, now())

    @rpc
    def edit_team_plan(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        at, command = now(), command_of(c.EditTeamPlan, load(s.EditTeamPlan, payload))
        team_plans.edit_plan(self.uow, who(caller), plan_id, command, expected_version)
        return self._view(caller, plan_id, at)

    @rpc
    def add_team_task(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        at, command = now(), command_of(c.AddTeamTask, load(s.TeamTaskIn, payload))
        team_plans.add_task(self.uow, who(caller), plan_id, command, expected_version, at)
        return self._view(caller, plan_id, at)

    @rpc
    def submit_team_plan(
        self, caller: Payload, plan_id: str, expected_version: int | None = None
    ) -> Payload:
        at = now()
        team_plans.submit_plan(self.uow, who(caller), plan_id, expected_version, at)
        return self._view(caller, plan_id, at)

    @rpc
    def decide_team_plan(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        at, command = now(), command_of(c.DecideTeamPlan, load(s.DecideTeamPlan, payload))
        team_plans.decide_plan(self.uow, who(caller), plan_id, command, expected_version, at)
        return self._view(caller, plan_id, at)

    @rpc
    def report_team_task(
        self, caller: Payload, plan_id: str, task_id: str, payload: Payload
    ) -> Payload:
        at, command = now(), command_of(oc.ReportProgress, load(o.ProgressReportIn, payload))
        team_lessons.report_task(self.uow, who(caller), plan_id, task_id, command, at)
        return self._view(caller, plan_id, at)

    @rpc
    def report_team_quarter(self, caller: Payload, plan_id: str, payload: Payload) -> Payload:
        at, command = now(), command_of(c.ReportQuarter, load(s.ReportQuarter, payload))
        team_lessons.report_quarter(self.uow, who(caller), plan_id, command, at)
        return self._view(caller, plan_id, at)

    @rpc
    def publish_lesson(self, caller: Payload, plan_id: str, payload: Payload) -> Payload:
        command = command_of(c.PublishLesson, load(s.PublishLesson, payload))
        lesson = team_lessons.publish_lesson(self.uow, who(caller), plan_id, command, now())
        return dump(s.LessonOut, lesson)

    @rpc
    def list_lessons(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListLessons, load(s.ListLessons, query))
        return listed(s.LessonOut, team_lessons.list_lessons(self.uow, who(caller), command))
