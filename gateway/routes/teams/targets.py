"""Sammachip targets: an area's targets for a Buddhist-era fiscal year."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, optional_version, with_etag
from gateway.routes.teams.base import TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import targets as t

TARGETS = "/api/v1/sammachip/targets/<string:area>/<string:fiscal_year>"


class TargetRoutes(TeamsCalls):
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
