"""Sammachip: occupation groups."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import (
    GROUP,
    PAGING,
    TEAMS,
    TeamsCalls,
)
from infra.caller import Caller
from services.teams.schemas import groups as s


class OccupationGroupRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/occupation-groups",
        summary="Form an occupation group of trained households",
        body=s.OccupationGroupIn,
        responses={201: s.OccupationGroupOut},
        tags=TEAMS,
        operation="occupation_groups.form",
    )
    def form_occupation_group(self, request: Request, caller: Caller) -> Response:
        group = self._teams("form_occupation_group", caller, read_json(request))
        return with_etag(group, 201, f"/api/v1/occupation-groups/{group['id']}")

    @api(
        "GET",
        "/api/v1/occupation-groups",
        summary="Occupation groups the caller may see",
        query=s.ListOccupationGroups,
        responses={200: s.OccupationGroupsPage},
        tags=TEAMS,
        operation="occupation_groups.list",
    )
    def list_occupation_groups(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "list_occupation_groups", caller, "area", *PAGING)

    @api(
        "GET",
        GROUP,
        summary="One occupation group",
        responses={200: s.OccupationGroupOut},
        tags=TEAMS,
        operation="occupation_groups.get",
    )
    def get_occupation_group(self, request: Request, group_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_occupation_group", caller, group_id))

    @api(
        "POST",
        GROUP + "/members",
        summary="More trained households join (If-Match)",
        body=s.GroupMembersIn,
        responses={200: s.OccupationGroupOut},
        tags=TEAMS,
        operation="occupation_groups.members.add",
        if_match="required",
    )
    def add_group_members(self, request: Request, group_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        group = self._teams("add_group_members", caller, group_id, read_json(request), version)
        return with_etag(group)

    @api(
        "POST",
        GROUP + "/registration",
        summary="Record the group's registration (If-Match)",
        body=s.GroupRegistration,
        responses={200: s.OccupationGroupOut},
        tags=TEAMS,
        operation="occupation_groups.register",
        if_match="required",
    )
    def register_group(self, request: Request, group_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        group = self._teams("register_group", caller, group_id, read_json(request), version)
        return with_etag(group)
