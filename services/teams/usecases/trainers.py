"""Village trainer teams: form, add and remove sages, read and list."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.trainers import TrainerTeamFilter
from services.teams.domain import policy
from services.teams.domain.trainers import Sage, TrainerTeam
from services.teams.usecases.commands.trainers import (
    FormTrainerTeam,
    JoinTrainerTeam,
    LeaveTrainerTeam,
    ListTrainerTeams,
)
from services.teams.usecases.common import found

TAKEN = Conflict(
    "this village already has its trainer team",
    [FieldError("village_code", "a village has one trainer team")],
)


def may_read(caller: Caller, team: TrainerTeam) -> bool:
    return policy.reads_area(caller, [team.village_code]) or caller.person_id in team.member_ids


def may_record(caller: Caller, team: TrainerTeam) -> bool:
    """Supervisors over the village, and the team's own sages."""
    return policy.manages(caller, [team.village_code]) or caller.person_id in team.member_ids


def form_trainer_team(
    uow: TeamsUnitOfWork, caller: Caller, command: FormTrainerTeam, now: datetime
) -> TrainerTeam:
    if not policy.manages(caller, [command.village_code]):
        raise Forbidden("only supervisors over the village form its trainer team")
    with uow, uow.if_taken(TAKEN):
        sages = [(_sage(m), uow.people.get(m.person_id)) for m in command.members]
        team = TrainerTeam.form(command.village_code, command.name, sages, now)
        if uow.trainer_teams.of_village(team.village_code):
            raise TAKEN
        uow.trainer_teams.add(team)
        uow.commit()
    return team


def join_trainer_team(
    uow: TeamsUnitOfWork,
    caller: Caller,
    team_id: str,
    command: JoinTrainerTeam,
    expected_version: int | None,
) -> TrainerTeam:
    with uow:
        team = _managed(uow, caller, team_id, expected_version)
        joined = team.join(_sage(command), uow.people.get(command.person_id))
        uow.trainer_teams.save(joined)
        uow.commit()
    return joined


def leave_trainer_team(
    uow: TeamsUnitOfWork,
    caller: Caller,
    team_id: str,
    command: LeaveTrainerTeam,
    expected_version: int | None,
) -> TrainerTeam:
    with uow:
        team = _managed(uow, caller, team_id, expected_version)
        left = team.leave(command.person_id)
        uow.trainer_teams.save(left)
        uow.commit()
    return left


def get_trainer_team(uow: TeamsUnitOfWork, caller: Caller, team_id: str) -> TrainerTeam:
    with uow:
        team = uow.trainer_teams.get(team_id)
    return found(team, "trainer team", team_id, lambda t: may_read(caller, t))


def list_trainer_teams(
    uow: TeamsUnitOfWork, caller: Caller, query: ListTrainerTeams
) -> Page[TrainerTeam]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = TrainerTeamFilter(area=query.area)
    with uow:
        return uow.trainer_teams.list(reach, where, query.after, query.limit)


def _managed(
    uow: TeamsUnitOfWork, caller: Caller, team_id: str, expected_version: int | None
) -> TrainerTeam:
    team = found(
        uow.trainer_teams.get(team_id), "trainer team", team_id, lambda t: may_read(caller, t)
    )
    if not policy.manages(caller, [team.village_code]):
        raise Forbidden("only supervisors over the village change its trainer team")
    require_version(team.version, expected_version, "trainer team")
    return team


def _sage(given: JoinTrainerTeam) -> Sage:
    return Sage(given.person_id, given.lead, given.lead_trained_on)
