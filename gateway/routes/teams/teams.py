"""Smile Teams: forming, members, caseloads, outcomes."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response, read_json
from gateway.resources import expected_version, query_of, with_etag
from gateway.routes.teams.base import (
    PAGING,
    TEAM,
    TEAMS,
    TeamsCalls,
)
from infra.caller import Caller
from services.teams.schemas import assignments as a
from services.teams.schemas import teams as t


class SmileTeamRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/teams",
        summary="Form a Smile Team (supervisors)",
        body=t.FormTeam,
        responses={201: t.TeamOut},
        tags=TEAMS,
        operation="teams.form",
    )
    def form_team(self, request: Request, caller: Caller) -> Response:
        team = self._teams("form_team", caller, read_json(request))
        return with_etag(team, 201, f"/api/v1/teams/{team['id']}")

    @api(
        "GET",
        "/api/v1/teams",
        summary="Smile Teams the caller may see",
        query=t.ListTeams,
        responses={200: t.TeamsPage},
        tags=TEAMS,
        operation="teams.list",
    )
    def list_teams(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "list_teams", caller, "area", "member", *PAGING)

    @api(
        "GET",
        TEAM,
        summary="One Smile Team",
        responses={200: t.TeamOut},
        tags=TEAMS,
        operation="teams.get",
    )
    def get_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_team", caller, team_id))

    @api(
        "PUT",
        TEAM,
        summary="Rename a team or change its coverage (If-Match)",
        body=t.ChangeTeam,
        responses={200: t.TeamOut},
        tags=TEAMS,
        operation="teams.update",
        if_match="required",
    )
    def change_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._teams("change_team", caller, team_id, read_json(request), version))

    @api(
        "POST",
        TEAM + "/members",
        summary="A person joins a team in a role (If-Match)",
        body=t.JoinTeam,
        responses={200: t.TeamOut},
        tags=TEAMS,
        operation="teams.members.join",
        if_match="required",
    )
    def join_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._teams("join_team", caller, team_id, read_json(request), version))

    @api(
        "POST",
        TEAM + "/departures",
        summary="A member leaves; the team is incomplete and supervisors hear (If-Match)",
        body=t.LeaveTeam,
        responses={200: t.TeamOut},
        tags=TEAMS,
        operation="teams.members.leave",
        if_match="required",
    )
    def leave_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        return with_etag(self._teams("leave_team", caller, team_id, read_json(request), version))

    @api(
        "GET",
        TEAM + "/caseload",
        summary="Open cases of a team and of each member",
        responses={200: a.TeamCaseloadOut},
        tags=TEAMS,
        operation="teams.caseload.get",
    )
    def team_caseload(self, request: Request, team_id: str, caller: Caller) -> Response:
        return json_response(self._teams("team_caseload", caller, team_id))

    @api(
        "GET",
        "/api/v1/people/<string:person_id>/caseload",
        summary="A person's open cases over every team they serve in",
        responses={200: a.PersonCaseloadOut},
        tags=TEAMS,
        operation="people.caseload.get",
    )
    def person_caseload(self, request: Request, person_id: str, caller: Caller) -> Response:
        return json_response(self._teams("person_caseload", caller, person_id))

    @api(
        "GET",
        "/api/v1/teams/suggestion",
        summary="The least-loaded complete team for a village or sub-district",
        query=a.SuggestionQuery,
        responses={200: a.SuggestionOut},
        tags=TEAMS,
        operation="teams.suggest",
    )
    def suggest_team(self, request: Request, caller: Caller) -> Response:
        return json_response(self._teams("suggest_team", caller, query_of(request, "area")))

    @api(
        "GET",
        "/api/v1/teams/outcomes",
        summary="Team outcomes side by side: households per stage, graduations, overdue visits",
        query=a.OutcomesQuery,
        responses={200: a.OutcomesPage},
        tags=TEAMS,
        operation="teams.outcomes.get",
    )
    def team_outcomes(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "team_outcomes", caller, "area", *PAGING)
