"""Sub-district community plans, one per sub-district and fiscal year."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, with_etag
from gateway.routes.teams.base import PAGING, TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import community_plans as s

COMMUNITY_PLAN = "/api/v1/community-plans/<string:community_plan_id>"


class CommunityPlanRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/community-plans",
        summary="Record a sub-district's community plan for a fiscal year",
        body=s.CommunityPlanIn,
        responses={201: s.CommunityPlanOut},
        tags=TEAMS,
        operation="community_plans.record",
        problems=(409,),
    )
    def record_community_plan(self, request: Request, caller: Caller) -> Response:
        plan = self._teams("record_community_plan", caller, body_object(request))
        return with_etag(plan, 201, f"/api/v1/community-plans/{plan['id']}")

    @api(
        "GET",
        "/api/v1/community-plans",
        summary="Sub-district community plans the caller may see",
        query=s.ListCommunityPlans,
        responses={200: s.CommunityPlansPage},
        tags=TEAMS,
        operation="community_plans.list",
    )
    def list_community_plans(self, request: Request, caller: Caller) -> Response:
        names = ("area", "fiscal_year", *PAGING)
        return self._page(request, "list_community_plans", caller, *names)

    @api(
        "GET",
        COMMUNITY_PLAN,
        summary="One sub-district community plan",
        responses={200: s.CommunityPlanOut},
        tags=TEAMS,
        operation="community_plans.get",
    )
    def get_community_plan(
        self, request: Request, community_plan_id: str, caller: Caller
    ) -> Response:
        return with_etag(self._teams("get_community_plan", caller, community_plan_id))

    @api(
        "PATCH",
        COMMUNITY_PLAN,
        summary="Change a sub-district plan: livelihood development, adoption, note (If-Match)",
        body=s.CommunityPlanChange,
        responses={200: s.CommunityPlanOut},
        tags=TEAMS,
        operation="community_plans.change",
        if_match="required",
    )
    def change_community_plan(
        self, request: Request, community_plan_id: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        plan = self._teams(
            "change_community_plan", caller, community_plan_id, body_object(request), version
        )
        return with_etag(plan)
