"""A Smile Team's yearly action plan (tasks, approval, progress) and the province's lessons."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import PAGING, TEAM, TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import support_organisations as o
from services.teams.schemas import team_plans as p

TEAM_PLAN = "/api/v1/team-plans/<string:team_plan_id>"


class TeamPlanRoutes(TeamsCalls):
    @api(
        "POST",
        TEAM + "/plans",
        summary="Start the team's plan for a fiscal year (the team's members)",
        body=p.StartTeamPlan,
        responses={201: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.create",
    )
    def start_team_plan(self, request: Request, team_id: str, caller: Caller) -> Response:
        plan = self._teams("start_team_plan", caller, team_id, read_json(request))
        return with_etag(plan, 201, f"/api/v1/team-plans/{plan['id']}")

    @api(
        "GET",
        TEAM + "/plans",
        summary="The team's plans, one per fiscal year",
        responses={200: p.TeamPlansOut},
        tags=TEAMS,
        operation="team_plans.list",
    )
    def list_team_plans(self, request: Request, team_id: str, caller: Caller) -> Response:
        return json_response(self._teams("list_team_plans", caller, team_id))

    @api(
        "GET",
        TEAM_PLAN,
        summary="A team's plan with its tasks, reports, approval steps and lessons",
        responses={200: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.get",
    )
    def get_team_plan(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_team_plan", caller, team_plan_id))

    @api(
        "PUT",
        TEAM_PLAN,
        summary="Change the title of a draft (If-Match)",
        body=p.EditTeamPlan,
        responses={200: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.update",
        if_match="required",
    )
    def edit_team_plan(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        plan = self._teams("edit_team_plan", caller, team_plan_id, read_json(request), version)
        return with_etag(plan)

    @api(
        "POST",
        TEAM_PLAN + "/tasks",
        summary="Add a task to a draft, possibly for one of the team's households (If-Match)",
        body=p.TeamTaskIn,
        responses={200: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.tasks.add",
        if_match="required",
    )
    def add_team_task(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        plan = self._teams("add_team_task", caller, team_plan_id, read_json(request), version)
        return with_etag(plan)

    @api(
        "POST",
        TEAM_PLAN + "/submission",
        summary="Submit the draft for the district's approval (If-Match)",
        responses={200: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.submit",
        if_match="required",
    )
    def submit_team_plan(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._teams("submit_team_plan", caller, team_plan_id, version))

    @api(
        "POST",
        TEAM_PLAN + "/decision",
        summary="Approve the submitted plan or return it to draft (supervisors over the "
        "team's district; If-Match)",
        body=p.DecideTeamPlan,
        responses={200: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.decide",
        if_match="required",
    )
    def decide_team_plan(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        plan = self._teams("decide_team_plan", caller, team_plan_id, read_json(request), version)
        return with_etag(plan)

    @api(
        "POST",
        TEAM_PLAN + "/tasks/<string:team_task_id>/reports",
        summary="Report progress on a task of the approved plan",
        body=o.ProgressReportIn,
        responses={201: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.tasks.report_progress",
    )
    def report_team_task(
        self, request: Request, team_plan_id: str, team_task_id: str, caller: Caller
    ) -> Response:
        plan = self._teams(
            "report_team_task", caller, team_plan_id, team_task_id, read_json(request)
        )
        return with_etag(plan, 201)

    @api(
        "POST",
        TEAM_PLAN + "/quarter-reports",
        summary="Report what the team did in a quarter of the fiscal year (1: Oct-Dec)",
        body=p.ReportQuarter,
        responses={201: p.TeamPlanOut},
        tags=TEAMS,
        operation="team_plans.quarter_reports.add",
    )
    def report_team_quarter(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        plan = self._teams("report_team_quarter", caller, team_plan_id, read_json(request))
        return with_etag(plan, 201)

    @api(
        "POST",
        TEAM_PLAN + "/lessons",
        summary="Publish a lesson learned for the province's teams",
        body=p.PublishLesson,
        responses={201: p.LessonOut},
        tags=TEAMS,
        operation="team_plans.lessons.publish",
    )
    def publish_lesson(self, request: Request, team_plan_id: str, caller: Caller) -> Response:
        return json_response(
            self._teams("publish_lesson", caller, team_plan_id, read_json(request)), 201
        )

    @api(
        "GET",
        "/api/v1/lessons",
        summary="Lessons learned by the Smile Teams of the caller's provinces",
        query=p.ListLessons,
        responses={200: p.LessonsPage},
        tags=TEAMS,
        operation="lessons.list",
    )
    def list_lessons(self, request: Request, caller: Caller) -> Response:
        names = ("topic", "area", "fiscal_year", *PAGING)
        return self._page(request, "list_lessons", caller, *names)
