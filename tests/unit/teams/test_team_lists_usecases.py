"""Lists of Smile Teams, their outcomes and known households with the fake unit of work: each
is read within the caller's reach, narrowed as the command asks, and answered as a Page."""

from __future__ import annotations

from decimal import Decimal

from infra.caller import Role
from infra.pagination import Page
from services.teams.domain.households import KnownHousehold
from services.teams.usecases import assignments, caseload, teams
from services.teams.usecases.commands.assignments import ListKnownHouseholds
from services.teams.usecases.commands.teams import ListOutcomes, ListTeams
from tests.unit.teams.factories import TAMBON, VILLAGE, caller, full_team
from tests.unit.teams.fakes import FakeUnitOfWork

TEAM = full_team()
EXPERT = caller(Role.DISTRICT_EXPERT, ["2401"], pid="expert")


def test_teams_are_listed_within_reach_for_an_area_and_a_member():
    uow = FakeUnitOfWork().given(TEAM)
    found = teams.list_teams(uow, EXPERT, ListTeams("c", 3, TAMBON, "vl"))
    assert found == Page([TEAM], None)
    reach, where, after, limit = uow.teams.asked
    assert (reach.areas, reach.person_id) == (("2401",), "expert")
    assert (where.area, where.member, after, limit) == (TAMBON, "vl", "c", 3)


def test_outcomes_put_each_listed_team_beside_its_graduation_rate():
    uow = FakeUnitOfWork().given(TEAM)
    uow.caseload.totals[TEAM.id] = {"households": 4, "graduated": 1, "by_stage": {}}
    (row,) = caseload.team_outcomes(uow, EXPERT, ListOutcomes(area=TAMBON)).items
    assert (row["team_id"], row["households"], row["graduation_rate"]) == (
        TEAM.id,
        4,
        Decimal("0.250"),
    )
    _, where, _, _ = uow.teams.asked
    assert (where.area, where.member) == (TAMBON, None)


def test_known_households_are_listed_within_reach_and_narrowed_as_asked():
    uow = FakeUnitOfWork().given(KnownHousehold("h1", VILLAGE))
    command = ListKnownHouseholds(None, 10, VILLAGE, TEAM.id, unassigned=True)
    assert assignments.list_households(uow, EXPERT, command).next is None
    reach, where, after, limit = uow.assignments.asked
    assert reach.areas == ("2401",) and (after, limit) == (None, 10)
    assert (where.area, where.team_id, where.unassigned) == (VILLAGE, TEAM.id, True)
