"""Sammachip: village trainer teams."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api, read_json
from gateway.resources import expected_version, with_etag
from gateway.routes.teams.base import (
    PAGING,
    TEAMS,
    TRAINER_TEAM,
    TeamsCalls,
)
from infra.caller import Caller
from services.teams.schemas import trainers as s


class TrainerTeamRoutes(TeamsCalls):
    @api(
        "POST",
        "/api/v1/trainer-teams",
        summary="Form a village trainer team of five sages",
        body=s.FormTrainerTeam,
        responses={201: s.TrainerTeamOut},
        tags=TEAMS,
        operation="trainer_teams.form",
    )
    def form_trainer_team(self, request: Request, caller: Caller) -> Response:
        team = self._teams("form_trainer_team", caller, read_json(request))
        return with_etag(team, 201, f"/api/v1/trainer-teams/{team['id']}")

    @api(
        "GET",
        "/api/v1/trainer-teams",
        summary="Village trainer teams the caller may see",
        query=s.ListTrainerTeams,
        responses={200: s.TrainerTeamsPage},
        tags=TEAMS,
        operation="trainer_teams.list",
    )
    def list_trainer_teams(self, request: Request, caller: Caller) -> Response:
        return self._page(request, "list_trainer_teams", caller, "area", *PAGING)

    @api(
        "GET",
        TRAINER_TEAM,
        summary="One village trainer team",
        responses={200: s.TrainerTeamOut},
        tags=TEAMS,
        operation="trainer_teams.get",
    )
    def get_trainer_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        return with_etag(self._teams("get_trainer_team", caller, team_id))

    @api(
        "POST",
        TRAINER_TEAM + "/members",
        summary="A sage joins the trainer team (If-Match)",
        body=s.SageIn,
        responses={200: s.TrainerTeamOut},
        tags=TEAMS,
        operation="trainer_teams.members.join",
        if_match="required",
    )
    def join_trainer_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        team = self._teams("join_trainer_team", caller, team_id, read_json(request), version)
        return with_etag(team)

    @api(
        "POST",
        TRAINER_TEAM + "/departures",
        summary="A sage leaves the trainer team (If-Match)",
        body=s.SageLeaves,
        responses={200: s.TrainerTeamOut},
        tags=TEAMS,
        operation="trainer_teams.members.leave",
        if_match="required",
    )
    def leave_trainer_team(self, request: Request, team_id: str, caller: Caller) -> Response:
        version = expected_version(request)
        team = self._teams("leave_trainer_team", caller, team_id, read_json(request), version)
        return with_etag(team)
