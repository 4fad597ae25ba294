"""Support organisations and their action plans."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import (
    ORGANISATION,
    PAGING,
    PLAN,
    TEAMS,
    TeamsCalls,
)
from infra.caller import Caller
from services.teams.schemas import support_organisations as o


class OrganisationRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/support-organisations",
        summary="Register a district support organisation",
        body=o.RegisterOrganisation,
        responses={201: o.OrganisationOut},
        tags=TEAMS,
        operation="support_organisations.register",
    )
    def register_organisation(self, request: Request, caller: Caller) -> Response:
        org = self._teams("register_organisation", caller, read_json(request))
        return with_etag(org, 201, f"/api/v1/support-organisations/{org['id']}")

    @api(
        "GET",
        "/api/v1/support-organisations",
        summary="Support organisations the caller may see",
        query=o.ListOrganisations,
        responses={200: o.OrganisationsPage},
        tags=TEAMS,
        operation="support_organisations.list",
    )
    def list_organisations(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "list_organisations", caller, "area", "kind", *PAGING)

    @api(
        "GET",
        ORGANISATION,
        summary="One support organisation and its plans",
        responses={200: o.OrganisationDetailOut},
        tags=TEAMS,
        operation="support_organisations.get",
    )
    def get_organisation(self, request: Request, org_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_organisation", caller, org_id))

    @api(
        "PUT",
        ORGANISATION,
        summary="Rename an organisation or change its reporters (If-Match)",
        body=o.ChangeOrganisation,
        responses={200: o.OrganisationOut},
        tags=TEAMS,
        operation="support_organisations.update",
        if_match="required",
    )
    def change_organisation(self, request: Request, org_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        org = self._teams("change_organisation", caller, org_id, read_json(request), version)
        return with_etag(org)

    @api(
        "POST",
        ORGANISATION + "/plans",
        summary="Start the organisation's plan for a year",
        body=o.StartPlan,
        responses={201: o.ActionPlanOut},
        tags=TEAMS,
        operation="support_organisations.plans.start",
    )
    def start_plan(self, request: Request, org_id: str, caller: Caller) -> Response:
        plan = self._teams("start_plan", caller, org_id, read_json(request))
        return with_etag(plan, 201, f"/api/v1/action-plans/{plan['id']}")

    @api(
        "GET",
        PLAN,
        summary="An action plan with its tasks, reports and phases",
        responses={200: o.ActionPlanOut},
        tags=TEAMS,
        operation="action_plans.get",
    )
    def get_plan(self, request: Request, plan_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_plan", caller, plan_id))

    @api(
        "POST",
        PLAN + "/phase",
        summary="Move to the next phase: prepare, plan, execute, monitor_evaluate, summarise "
        "(If-Match)",
        body=o.AdvancePlan,
        responses={200: o.ActionPlanOut},
        tags=TEAMS,
        operation="action_plans.advance",
        if_match="required",
    )
    def advance_plan(self, request: Request, plan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        plan = self._teams("advance_plan", caller, plan_id, read_json(request), version)
        return with_etag(plan)

    @api(
        "POST",
        PLAN + "/tasks",
        summary="Add a task with a due date (If-Match)",
        body=o.PlanTaskIn,
        responses={200: o.ActionPlanOut},
        tags=TEAMS,
        operation="action_plans.tasks.add",
        if_match="required",
    )
    def add_task(self, request: Request, plan_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._teams("add_task", caller, plan_id, read_json(request), version))

    @api(
        "POST",
        PLAN + "/tasks/<string:task_id>/reports",
        summary="Report progress on a task (the organisation's reporters, supervisors)",
        body=o.ProgressReportIn,
        responses={201: o.ActionPlanOut},
        tags=TEAMS,
        operation="action_plans.tasks.report_progress",
    )
    def report_progress(
        self, request: Request, plan_id: str, task_id: str, caller: Caller
    ) -> Response:
        plan = self._teams("report_progress", caller, plan_id, task_id, read_json(request))
        return with_etag(plan, 201)
