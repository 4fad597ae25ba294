"""Households assigned to Smile Teams."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import (
    ASSIGNMENT,
    PAGING,
    TEAMS,
    TeamsCalls,
)
from infra.caller import Caller
from services.teams.schemas import assignments as a


class AssignmentRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/assignments",
        summary="Assign a household to a complete team",
        body=a.AssignHousehold,
        responses={201: a.AssignmentOut},
        tags=TEAMS,
        operation="assignments.assign_household",
    )
    def assign_household(self, request: Request, caller: Caller) -> Response:
        done = self._teams("assign_household", caller, read_json(request))
        return with_etag(done, 201, f"/api/v1/assignments/{done['household_id']}")

    @api(
        "POST",
        "/api/v1/assignments/villages",
        summary="Assign every household of a village without a team",
        body=a.AssignVillage,
        responses={200: a.VillageAssignmentOut},
        tags=TEAMS,
        operation="assignments.assign_village",
    )
    def assign_village(self, request: Request, caller: Caller) -> Response:
        return json_response(self._teams("assign_village", caller, read_json(request)))

    @api(
        "GET",
        "/api/v1/assignments",
        summary="Known households and their teams",
        query=a.KnownHouseholdsQuery,
        responses={200: a.KnownHouseholdsPage},
        tags=TEAMS,
        operation="assignments.list",
    )
    def list_assignments(self, request: Request, caller: Caller) -> Response:
        names = ("area", "team_id", "unassigned", *PAGING)
        return self._page(request, "list_known_households", caller, *names)

    @api(
        "GET",
        ASSIGNMENT,
        summary="A household's team and its assignment history",
        responses={200: a.HouseholdAssignmentOut},
        tags=TEAMS,
        operation="assignments.get",
    )
    def get_assignment(self, request: Request, household_id: str, caller: Caller) -> Response:
        found = self._teams("get_assignment", caller, household_id)
        return with_etag(found) if found.get("version") else json_response(found)

    @api(
        "POST",
        ASSIGNMENT + "/reassignment",
        summary="Move a household to another team, saying why (If-Match)",
        body=a.ReassignHousehold,
        responses={200: a.AssignmentOut},
        tags=TEAMS,
        operation="assignments.reassign",
        if_match="required",
    )
    def reassign_household(self, request: Request, household_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        moved = self._teams("reassign_household", caller, household_id, read_json(request), version)
        return with_etag(moved)
