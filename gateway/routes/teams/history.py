"""The teams audit trail: the history of a Smile Team, a person, a household's assignment and an
occupation group's monthly report. Entries are only read here: no route changes or removes one."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import page_response, query_of
from gateway.routes.teams.base import PAGING, TEAM, TEAMS, TeamsCalls
from gateway.schemas import AUDIT_ENTRIES as ENTRIES
from infra.audit_schemas import ListHistory
from infra.caller import Caller
from services.teams.schemas.group_progress import GroupReportPath

PERSON = "/api/v1/people/<string:person_id>"
ASSIGNMENT = "/api/v1/assignments/<string:household_id>"
GROUP_REPORT = "/api/v1/occupation-groups/<string:group_id>/reports/<string:period>"


class TeamHistoryRoutes(TeamsCalls):
    @api(
        "GET",
        TEAM + "/history",
        summary="Who formed and changed the team, and who joined and left it, newest first",
        query=ListHistory,
        responses={200: ENTRIES},
        tags=TEAMS,
        operation="teams.history",
    )
    def team_history(self, request: Request, team_id: str, caller: Caller) -> Response:
        found = self._teams("team_history", caller, team_id, query_of(request, *PAGING))
        return page_response(request, found)

    @api(
        "GET",
        PERSON + "/history",
        summary="Who registered, changed or deactivated a person, and why, newest first",
        query=ListHistory,
        responses={200: ENTRIES},
        tags=("people",),
        operation="people.history",
    )
    def person_history(self, request: Request, person_id: str, caller: Caller) -> Response:
        found = self._teams("person_history", caller, person_id, query_of(request, *PAGING))
        return page_response(request, found)

    @api(
        "GET",
        ASSIGNMENT + "/history",
        summary="Who assigned the household to a team and who moved it, and why, newest first",
        query=ListHistory,
        responses={200: ENTRIES},
        tags=TEAMS,
        operation="assignments.history",
    )
    def assignment_history(self, request: Request, household_id: str, caller: Caller) -> Response:
        query = query_of(request, *PAGING)
        return page_response(
            request, self._teams("assignment_history", caller, household_id, query)
        )

    @api(
        "GET",
        GROUP_REPORT + "/history",
        summary="Who reported an occupation group's month and who replaced it, newest first",
        path=GroupReportPath,
        query=ListHistory,
        responses={200: ENTRIES},
        tags=TEAMS,
        operation="occupation_groups.reports.history",
    )
    def occupation_group_report_history(
        self, request: Request, group_id: str, period: str, caller: Caller
    ) -> Response:
        query = query_of(request, *PAGING)
        found = self._teams("occupation_group_report_history", caller, group_id, period, query)
        return page_response(request, found)
