"""Village trainer teams (D5): forming, sages joining and leaving, reads."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import trainers as t
from services.teams.usecases import trainers
from services.teams.usecases.commands import trainers as c

Payload = dict[str, Any]


class TrainerTeamEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def form_trainer_team(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.FormTrainerTeam, load(t.FormTrainerTeam, payload))
        team = trainers.form_trainer_team(self.uow, who(caller), command, now())
        return dump(t.TrainerTeamOut, team)

    @rpc
    def join_trainer_team(
        self, caller: Payload, team_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.JoinTrainerTeam, load(t.SageIn, payload))
        team = trainers.join_trainer_team(self.uow, who(caller), team_id, command, expected_version)
        return dump(t.TrainerTeamOut, team)

    @rpc
    def leave_trainer_team(
        self, caller: Payload, team_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.LeaveTrainerTeam, load(t.SageLeaves, payload))
        team = trainers.leave_trainer_team(
            self.uow, who(caller), team_id, command, expected_version
        )
        return dump(t.TrainerTeamOut, team)

    @rpc
    def get_trainer_team(self, caller: Payload, team_id: str) -> Payload:
        return dump(t.TrainerTeamOut, trainers.get_trainer_team(self.uow, who(caller), team_id))

    @rpc
    def list_trainer_teams(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListTrainerTeams, load(t.ListTrainerTeams, query))
        found = trainers.list_trainer_teams(self.uow, who(caller), command)
        return listed(t.TrainerTeamOut, found)
