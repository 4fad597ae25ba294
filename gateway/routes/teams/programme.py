"""Sammachip programme records: fiscal-year targets and sub-district community plans."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, optional_version, with_etag
from gateway.routes.teams.base import PAGING, TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import targets as t

TARGETS = "/api/v1/sammachip/targets/<string:area>/<string:fiscal_year>"
COMMUNITY_PLAN = "/api/v1/community-plans/<string:community_plan_id>"


class ProgrammeRoutes(TeamsCalls):
    @api(
        "PUT",
        TARGETS,
        summary="Set an area's Sammachip targets for a Buddhist-era fiscal year "
        "(If-Match to replace targets already set)",
        body=t.TargetsIn,
        path=t.TargetPath,
        responses={200: t.TargetsOut, 201: t.TargetsOut},
        tags=TEAMS,
        operation="sammachip_targets.set",
        if_match="optional",
        problems=(409,),
    )
    def set_sammachip_targets(
        self, request: Request, area: str, fiscal_year: str, caller: Caller
    ) -> Response:
        key = {"area_code": area, "fiscal_year": fiscal_year}
        version = optional_version(request)
        answer = self._teams("set_sammachip_targets", caller, key, body_object(request), version)
        status = 201 if answer["created"] else 200
        return with_etag(answer["targets"], status, request.path if answer["created"] else None)

    @api(
        "GET",
        TARGETS,
        summary="An area's Sammachip targets for a fiscal year",
        path=t.TargetPath,
        responses={200: t.TargetsOut},
        tags=TEAMS,
        operation="sammachip_targets.get",
    )
    def get_sammachip_targets(
        self, request: Request, area: str, fiscal_year: str, caller: Caller
    ) -> Response:
        key = {"area_code": area, "fiscal_year": fiscal_year}
        return with_etag(self._teams("get_sammachip_targets", caller, key))

    @api(
        "POST",
        "/api/v1/community-plans",
        summary="Record a sub-district's community plan for a fiscal year",
        body=t.CommunityPlanIn,
        responses={201: t.CommunityPlanOut},
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
        query=t.ListCommunityPlans,
        responses={200: t.CommunityPlansPage},
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
        responses={200: t.CommunityPlanOut},
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
        body=t.CommunityPlanChange,
        responses={200: t.CommunityPlanOut},
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
