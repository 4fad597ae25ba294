"""Upkeep across households: a member moves to another household, a household moves away or is
merged into the household it duplicates (each If-Match; the other household's version in the
body)."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, with_etag
from gateway.routes.households.base import HOUSEHOLD, HOUSEHOLDS, HouseholdsCalls
from infra.caller import Caller
from services.households.schemas.registry import HouseholdOut
from services.households.schemas.relocation import MergeHousehold, MoveAway, MoveMember


class RelocationRoutes(HouseholdsCalls):
    @api(
        "POST",
        HOUSEHOLD + "/member-moves",
        summary="A member moves to another household (If-Match; to_version: the other's)",
        body=MoveMember,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.members.move",
        if_match="required",
    )
    def move_member(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("move_member", caller, household_id, body, version))

    @api(
        "POST",
        HOUSEHOLD + "/moved-away",
        summary="The household moved away: its case closes as moved (If-Match)",
        body=MoveAway,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.moved_away.record",
        if_match="required",
    )
    def move_away(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("move_away", caller, household_id, body, version))

    @api(
        "POST",
        HOUSEHOLD + "/merge",
        summary="Merge this duplicate into another household: members and records follow "
        "(If-Match; into_version: the other's)",
        body=MergeHousehold,
        responses={200: HouseholdOut},
        tags=HOUSEHOLDS,
        operation="households.merge",
        if_match="required",
    )
    def merge_household(self, request: Request, household_id: str, caller: Caller) -> Response:
        body, version = body_object(request), expected_version(request)
        return with_etag(self._households("merge_household", caller, household_id, body, version))
