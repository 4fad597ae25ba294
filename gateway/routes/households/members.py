"""Household upkeep: a member joins or leaves, the head changes (each If-Match)."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, with_etag
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from infra.caller import Caller
from services.households.schemas.members import AddMember, ChangeHead, RemoveMember
from services.households.schemas.registry import HouseholdOut

MEMBERS = HOUSEHOLD + "/members"


class MemberRoutes(HouseholdsCalls):
    @api(
        "POST",
        MEMBERS,
        summary="A person joins the household (If-Match)",
        body=AddMember,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.members.add",
        if_match="required",
    )
    def add_member(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("add_member", caller, household_id, body, version))

    @api(
        "POST",
        MEMBERS + "/<string:member>/removal",
        summary="A member moved out or died: kept in the history, no longer counted (If-Match)",
        body=RemoveMember,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.members.remove",
        if_match="required",
    )
    def remove_member(
        self, request: Request, household_id: str, member: str, caller: Caller
    ) -> Response:
        body, version = body_object(request), expected_version(request)
        answer = self._households("remove_member", caller, household_id, member, body, version)
        return with_etag(answer)

    @api(
        "POST",
        HOUSEHOLD + "/head",
        summary="Another member becomes the head of the household (If-Match)",
        body=ChangeHead,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.head.change",
        if_match="required",
    )
    def change_head(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("change_head", caller, household_id, body, version))
