"""Smile Teams: forming, changing, joining and leaving; caseloads, suggestions and outcomes
(assignments of households: assignments.py)."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import assignments as a
from services.teams.schemas import teams as t
from services.teams.usecases import caseload, teams
from services.teams.usecases.commands import teams as c

Payload = dict[str, Any]


class TeamEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def form_team(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.FormTeam, load(t.FormTeam, payload))
        team = teams.form_team(self.uow, who(caller), command, now())
        return dump(t.TeamOut, team)

    @rpc
    def change_team(
        self, caller: Payload, team_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.ChangeTeam, load(t.ChangeTeam, payload))
        team = teams.change_team(self.uow, who(caller), team_id, command, expected_version, now())
        return dump(t.TeamOut, team)

    @rpc
    def join_team(
        self, caller: Payload, team_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.JoinTeam, load(t.JoinTeam, payload))
        team = teams.join_team(self.uow, who(caller), team_id, command, expected_version, now())
        return dump(t.TeamOut, team)

    @rpc
    def leave_team(
        self, caller: Payload, team_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.LeaveTeam, load(t.LeaveTeam, payload))
        team = teams.leave_team(self.uow, who(caller), team_id, command, expected_version, now())
        return dump(t.TeamOut, team)

    @rpc
    def get_team(self, caller: Payload, team_id: str) -> Payload:
        return dump(t.TeamOut, teams.get_team(self.uow, who(caller), team_id))

    @rpc
    def list_teams(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListTeams, load(t.ListTeams, query))
        found = teams.list_teams(self.uow, who(caller), command)
        return listed(t.TeamOut, found)

    @rpc
    def team_caseload(self, caller: Payload, team_id: str) -> Payload:
        found = caseload.team_caseload(self.uow, who(caller), team_id)
        return dump(a.TeamCaseloadOut, found)

    @rpc
    def person_caseload(self, caller: Payload, person_id: str) -> Payload:
        found = caseload.person_caseload(self.uow, who(caller), person_id)
        return dump(a.PersonCaseloadOut, found)

    @rpc
    def suggest_team(self, caller: Payload, query: Payload) -> Payload:
        area = load(a.SuggestionQuery, query)["area"]
        return dump(a.SuggestionOut, caseload.suggest_teams(self.uow, who(caller), area))

    @rpc
    def team_outcomes(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListOutcomes, load(a.OutcomesQuery, query))
        return listed(a.TeamOutcomeOut, caseload.team_outcomes(self.uow, who(caller), command))
