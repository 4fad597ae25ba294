"""Occupation groups after training: their OTOP product and monthly reports."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import body_object, expected_version, page_response, query_of, with_etag
from gateway.routes.teams.base import GROUP, PAGING, TEAMS, TeamsCalls
from infra.caller import Caller
from services.teams.schemas import group_progress as g
from services.teams.schemas import groups as og

REPORTS = GROUP + "/reports"


class GroupProgressRoutes(TeamsCalls):
    @api(
        "PUT",
        GROUP + "/otop-product",
        summary="Record or correct the group's OTOP product (If-Match: the group's ETag)",
        body=g.OtopProductIn,
        responses={200: og.OccupationGroupOut},
        tags=TEAMS,
        operation="occupation_groups.otop_product.record",
        if_match="required",
    )
    def record_otop_product(self, request: Request, group_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        group = self._teams("record_otop_product", caller, group_id, body_object(request), version)
        return with_etag(group)

    @api(
        "POST",
        REPORTS,
        summary="Report a month: does the group still operate, and its income (409 if reported)",
        body=g.GroupReportIn,
        responses={201: g.GroupReportOut},
        tags=TEAMS,
        operation="occupation_groups.reports.add",
        problems=(409,),
    )
    def report_occupation_group(self, request: Request, group_id: str, caller: Caller) -> Response:
        made = self._teams("report_occupation_group", caller, group_id, body_object(request))
        return with_etag(made, 201, f"{request.path}/{made['period']}")

    @api(
        "PUT",
        REPORTS + "/<string:period>",
        summary="Replace a month's report (If-Match: the report's ETag)",
        body=g.GroupReportValues,
        path=g.GroupReportPath,
        responses={200: g.GroupReportOut},
        tags=TEAMS,
        operation="occupation_groups.reports.replace",
        if_match="required",
    )
    def replace_occupation_group_report(
        self, request: Request, group_id: str, period: str, caller: Caller
    ) -> Response:
        version = expected_version(request)
        body = body_object(request)
        made = self._teams(
            "replace_occupation_group_report", caller, group_id, period, body, version
        )
        return with_etag(made)

    @api(
        "GET",
        REPORTS,
        summary="The group's monthly reports, newest first",
        query=g.ListGroupReports,
        responses={200: g.GroupReportsPage},
        tags=TEAMS,
        operation="occupation_groups.reports.list",
    )
    def list_occupation_group_reports(
        self, request: Request, group_id: str, caller: Caller
    ) -> Response:
        query = query_of(request, *PAGING)
        found = self._teams("list_occupation_group_reports", caller, group_id, query)
        return page_response(request, found)
