"""Reports for supervisors, as JSON, XLSX or CSV (gateway/reports holds the framework)."""

from __future__ import annotations

from datetime import UTC, datetime

from marshmallow import Schema, fields, validate
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.reports.compose import Asked, compose
from gateway.reports.definitions import REPORTS
from gateway.reports.formats import MEDIA_TYPES, chosen_format, chosen_language
from gateway.reports.model import Report
from gateway.reports.render import render
from gateway.reports.schemas import ReportOut, ReportParams, ReportsOut
from gateway.resources import query_of
from gateway.routes.areas import known_area
from infra.caller import Caller
from infra.errors import FieldError, NotFound, ValidationFailed
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery, TeamReportQuery
from infra.rpc import Calls
from infra.validation import load

REPORT_TAGS = ("reports",)


class ReportPath(Schema):
    name = fields.String(
        required=True,
        validate=validate.OneOf(list(REPORTS)),  # another name: 404
        metadata={"description": "GET /api/v1/reports lists them", "example": "cases"},
    )


class ReportRoutes:
    rpc: Calls

    @api(
        "GET",
        "/api/v1/reports",
        summary="The reports there are",
        responses={200: ReportsOut},
        tags=REPORT_TAGS,
        operation="reports.list",
    )
    def list_reports(self, request: Request, caller: Caller) -> Response:
        items = [
            {
                "name": r.name,
                "title_th": r.title_th,
                "title_en": r.title_en,
                "rows_by": r.rows_by,
                "by_team": r.by_team,
            }
            for r in REPORTS.values()
        ]
        return json_response({"items": items})

    @api(
        "GET",
        "/api/v1/reports/<string:name>",
        summary="A report for an area (a row per child area or team) or for a Smile Team (a row "
        "per village), with totals (?format= or Accept: JSON, XLSX, CSV; ?lang=en or "
        "Accept-Language for English)",
        query=ReportParams,
        path=ReportPath,
        responses={200: ReportOut},
        downloads=(MEDIA_TYPES["xlsx"], MEDIA_TYPES["csv"]),
        tags=REPORT_TAGS,
        operation="reports.get",
        problems=(406,),
    )
    def get_report(self, request: Request, name: str, caller: Caller) -> Response:
        report = _report(name)
        fmt, language = chosen_format(request), chosen_language(request)
        asked = _asked(report, request, language)
        table = compose(self.rpc, caller, asked)
        return render(table, asked.fiscal_year, fmt, language, datetime.now(UTC).date())


def _report(name: str) -> Report:
    if name not in REPORTS:
        raise NotFound(f"no report named {name}; GET /api/v1/reports lists them")
    return REPORTS[name]


def _asked(report: Report, request: Request, language: str) -> Asked:
    params = query_of(request, "area", "team", "fiscal_year", "rows")
    if "team" in params:
        return _asked_for_team(report, params, language)
    if "area" in params:  # a 404 for a well-formed code of no area, before the services
        known_area(params["area"], "area")
    query = load(ReportQuery, params)
    if "rows" in query and report.rows_by != "area":
        raise ValidationFailed.on("rows", "this report has a row per team")
    year = query.get("fiscal_year") or current_fiscal_year()
    return Asked(report, query["area"], year, language, rows=query.get("rows"))


def _asked_for_team(report: Report, params: dict[str, str], language: str) -> Asked:
    """A team's report: not with an area, and only of the reports made per team."""
    if "area" in params:
        raise _bad_team("give an area or a team, not both")
    if "rows" in params:
        raise ValidationFailed.on("rows", "a team's report has a row per village")
    if not report.by_team:
        raise _bad_team("this report is made per area only; ask it with area")
    query = load(TeamReportQuery, params)
    year = query.get("fiscal_year") or current_fiscal_year()
    return Asked(report, None, year, language, team=query["team"])


def _bad_team(message: str) -> ValidationFailed:
    return ValidationFailed("the request is not valid", [FieldError("team", message)])
