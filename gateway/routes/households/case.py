"""Compass, manage and care: the case view, plans, interventions and visits."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import (
    body_object,
    expected_version,
    keyed,
    optional_version,
    query_of,
    with_etag,
)
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.households.schemas.case import (
    CaseQuery,
    CaseViewOut,
    InterventionOut,
    ListVisits,
    LogVisit,
    PlanCommand,
    PlanOut,
    RequestIntervention,
    ReturnPlan,
    SavePlan,
    UpdateIntervention,
    VisitOut,
)

PLAN = HOUSEHOLD + "/plan"
INTERVENTIONS = HOUSEHOLD + "/interventions"


class CaseRoutes(HouseholdsCalls):
    @api(
        "GET",
        HOUSEHOLD + "/case",
        summary="The case as a field worker opens it: household, "
        "current plan, latest visits, interventions",
        query=CaseQuery,
        responses={200: CaseViewOut},
        tags=HOUSEHOLDS,
        operation="households.case.get",
    )
    def get_case(self, request: Request, household_id: str, caller: Caller) -> Response:
        case = self._households("get_case", caller, household_id, query_of(request, "visits"))
        return json_response(case, headers={"ETag": f'"{case["household"]["version"]}"'})

    @api(
        "GET",
        HOUSEHOLD + "/plans",
        summary="Every version of the household's plan",
        responses={200: page_of(PlanOut, "PlanList")},
        tags=HOUSEHOLDS,
        operation="households.plans.list",
    )
    def list_plans(self, request: Request, household_id: str, caller: Caller) -> Response:
        return json_response(self._households("list_plans", caller, household_id))

    @api(
        "PUT",
        PLAN,
        summary="Draft the plan (If-Match: the open draft's version, if any)",
        body=SavePlan,
        responses={200: PlanOut},
        tags=HOUSEHOLDS,
        operation="households.plan.save",
        if_match="optional",
    )
    def save_plan(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), optional_version(request)
        return with_etag(self._households("save_plan", caller, household_id, body, version))

    @api(
        "POST",
        PLAN + "/submission",
        summary="Submit the draft for approval (If-Match)",
        body=PlanCommand,
        responses={200: PlanOut},
        tags=HOUSEHOLDS,
        operation="households.plan.submit",
        if_match="required",
    )
    def submit_plan(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("submit_plan", caller, household_id, body, version))

    @api(
        "POST",
        PLAN + "/approval",
        summary="Approve the submitted plan (district expert or supervisor; If-Match)",
        body=PlanCommand,
        responses={200: PlanOut},
        tags=HOUSEHOLDS,
        operation="households.plan.approve",
        if_match="required",
    )
    def approve_plan(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("approve_plan", caller, household_id, body, version))

    @api(
        "POST",
        PLAN + "/return",
        summary="Return the submitted plan with a reason (If-Match)",
        body=ReturnPlan,
        responses={200: PlanOut},
        tags=HOUSEHOLDS,
        operation="households.plan.send_back",
        if_match="required",
    )
    def return_plan(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("return_plan", caller, household_id, body, version))

    @api(
        "GET",
        INTERVENTIONS,
        summary="The household's interventions",
        responses={200: page_of(InterventionOut, "InterventionList")},
        tags=HOUSEHOLDS,
        operation="households.interventions.list",
    )
    def list_interventions(self, request: Request, household_id: str, caller: Caller) -> Response:
        return json_response(self._households("list_interventions", caller, household_id))

    @api(
        "POST",
        INTERVENTIONS,
        summary="Request an intervention (training, funding access, referral, in kind)",
        body=RequestIntervention,
        responses={201: InterventionOut},
        tags=HOUSEHOLDS,
        operation="households.interventions.request",
    )
    def request_intervention(self, request: Request, household_id: str, caller: Caller) -> Response:
        item = self._households("request_intervention", caller, household_id, keyed(request))
        return with_etag(item, 201, f"/api/v1/households/{household_id}/interventions")

    @api(
        "PATCH",
        INTERVENTIONS + "/<string:intervention_id>",
        summary="Move an intervention on (If-Match)",
        body=UpdateIntervention,
        responses={200: InterventionOut},
        tags=HOUSEHOLDS,
        operation="households.interventions.update",
        if_match="required",
    )
    def update_intervention(
        self, request: Request, household_id: str, intervention_id: str, caller: Caller
    ) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(
            self._households(
                "update_intervention", caller, household_id, intervention_id, body, version
            )
        )

    @api(
        "GET",
        HOUSEHOLD + "/visits",
        summary="The household's visits, newest first",
        query=ListVisits,
        responses={200: page_of(VisitOut, "VisitList")},
        tags=HOUSEHOLDS,
        operation="households.visits.list",
    )
    def list_visits(self, request: Request, household_id: str, caller: Caller) -> Response:
        query = query_of(request, "limit")
        return json_response(self._households("list_visits", caller, household_id, query))

    @api(
        "POST",
        HOUSEHOLD + "/visits",
        summary="Log a follow-up visit",
        body=LogVisit,
        responses={201: VisitOut},
        tags=HOUSEHOLDS,
        operation="households.visits.log",
    )
    def log_visit(self, request: Request, household_id: str, caller: Caller) -> Response:
        visit = self._households("log_visit", caller, household_id, keyed(request))
        return json_response(visit, 201)
