"""Plans: every version of a household's plan, the draft and its review."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.resources import body_object, expected_version, optional_version, with_etag
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from gateway.schemas import page_of
from infra.caller import Caller
from services.households.schemas.plans import PlanCommand, PlanOut, ReturnPlan, SavePlan

PLAN = HOUSEHOLD + "/plan"


class PlanRoutes(HouseholdsCalls):
    @api(
        "GET",
        PLAN,
        summary="The household's current plan (the draft, the one waiting or the last approved),"
        " with its ETag for the next step",
        responses={200: PlanOut},
        tags=HOUSEHOLDS,
        operation="households.plan.get",
    )
    def get_household_plan(self, request: Request, household_id: str, caller: Caller) -> Response:
        return with_etag(self._households("current_plan", caller, household_id))

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
