"""Village trainer team use cases with the fake unit of work: forming, sages joining and
leaving, who may, versions, lists. No database."""

from __future__ import annotations

from datetime import date

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, PreconditionFailed
from services.teams.usecases import trainers
from services.teams.usecases.commands.trainers import (
    FormTrainerTeam,
    JoinTrainerTeam,
    LeaveTrainerTeam,
    ListTrainerTeams,
)
from tests.unit.teams.factories import NOW, VILLAGE, caller, person
from tests.unit.teams.fakes import FakeUnitOfWork

SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="supervisor")
LEAD = JoinTrainerTeam("sage0", lead=True, lead_trained_on=date(2026, 6, 1))


def sages(count: int = 5) -> list:
    return [person(Role.TRAINER, [VILLAGE], pid=f"sage{i}") for i in range(count)]


def formed(uow: FakeUnitOfWork, members: tuple[JoinTrainerTeam, ...] = (LEAD,)):
    command = FormTrainerTeam(VILLAGE, " Trainers ", members)
    return trainers.form_trainer_team(uow, SUPERVISOR, command, NOW)


def test_a_supervisor_forms_the_villages_team_once():
    uow = FakeUnitOfWork().given(*sages())
    team = formed(uow)
    assert uow.trainer_teams.get(team.id) == team and team.name == "Trainers"
    assert team.lead.person_id == "sage0" and team.status == "forming"
    with pytest.raises(Conflict) as failure:
        formed(uow)
    assert [e.field for e in failure.value.errors] == ["village_code"]


def test_nobody_outside_the_village_forms_its_team():
    uow = FakeUnitOfWork().given(*sages())
    outsider = caller(Role.DISTRICT_SUPERVISOR, ["1001"])
    with pytest.raises(Forbidden):
        trainers.form_trainer_team(uow, outsider, FormTrainerTeam(VILLAGE, "T"), NOW)
    assert uow.commits == 0


def test_sages_join_and_leave_with_the_teams_version():
    uow = FakeUnitOfWork().given(*sages())
    team = formed(uow)
    joined = trainers.join_trainer_team(uow, SUPERVISOR, team.id, JoinTrainerTeam("sage1"), 1)
    assert joined.member_ids == {"sage0", "sage1"} and joined.version == 2
    with pytest.raises(PreconditionFailed):
        trainers.leave_trainer_team(uow, SUPERVISOR, team.id, LeaveTrainerTeam("sage1"), 1)
    left = trainers.leave_trainer_team(uow, SUPERVISOR, team.id, LeaveTrainerTeam("sage1"), 2)
    assert uow.trainer_teams.get(team.id).member_ids == {"sage0"} == left.member_ids


def test_a_list_is_read_within_the_callers_reach_and_filter():
    uow = FakeUnitOfWork().given(*sages())
    team = formed(uow)
    found = trainers.list_trainer_teams(uow, SUPERVISOR, ListTrainerTeams("c", 5, VILLAGE))
    assert found.items == [team]
    reach, where, after, limit = uow.trainer_teams.asked
    assert (reach.areas, reach.person_id) == (("2401",), "supervisor")
    assert (where.area, after, limit) == (VILLAGE, "c", 5)
