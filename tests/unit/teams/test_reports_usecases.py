"""The teams service's report use cases with the fake unit of work: the Smile Teams report (teams
side by side, one team by village) and the Sammachip table, each scoped to the caller."""

from __future__ import annotations

import pytest

from infra.caller import SYSTEM, Role
from infra.errors import Forbidden, NotFound
from services.teams.domain.targets import Targets
from services.teams.usecases.commands.reports import ReportQuery, TeamReportQuery
from services.teams.usecases.sammachip_report import sammachip_report
from services.teams.usecases.team_report import team_villages_report, teams_report
from tests.unit.teams.factories import NOW, TAMBON, caller, full_team
from tests.unit.teams.fakes import FakeUnitOfWork

TEAM = full_team()
EXPERT = caller(Role.DISTRICT_EXPERT, ["2401"], pid="expert")


def world() -> FakeUnitOfWork:
    uow = FakeUnitOfWork().given(TEAM)
    uow.team_report.seated = [(TEAM.id, Role.VOLUNTEER_LEADER.value, "vl")]
    uow.caseload.open_cases = {"vl": 7}
    return uow


def test_teams_side_by_side_carry_each_members_caseload_for_the_callers_part():
    uow = world()
    uow.team_report.figures = [{"key": TEAM.id, "name": TEAM.name, "households": 3}]
    answer = teams_report(uow, EXPERT, ReportQuery("24", 2570))
    assert answer == {
        "rows": [{"key": TEAM.id, "name": TEAM.name, "households": 3, "leader_open_cases": 7}]
    }
    reach, parts = uow.team_report.asked
    assert (reach.areas, parts) == (("2401",), ("2401",))
    with pytest.raises(NotFound):
        teams_report(uow, EXPERT, ReportQuery("10", 2570))


def test_one_team_by_village_is_whole_for_its_members_and_hidden_beyond_reach():
    uow = world()
    uow.team_report.villages = [{"key": TAMBON + "02"}, {"key": TAMBON + "01"}]
    member = caller(Role.VOLUNTEER_LEADER, [TAMBON + "01"], pid="vl")
    answer = team_villages_report(uow, member, TeamReportQuery(TEAM.id, 2570))
    assert [r["key"] for r in answer["rows"]] == [TAMBON + "01", TAMBON + "02"]
    assert answer["totals"] == {"leader_open_cases": 7} and uow.team_report.asked[1] is None
    team_villages_report(uow, EXPERT, TeamReportQuery(TEAM.id, 2570))
    assert uow.team_report.asked == (TEAM.id, ("2401",))
    with pytest.raises(NotFound):
        team_villages_report(
            uow, caller(Role.DISTRICT_EXPERT, ["1001"]), TeamReportQuery(TEAM.id, 1)
        )


def test_the_sammachip_table_counts_the_year_asked_with_the_areas_own_targets():
    uow = FakeUnitOfWork()
    uow.targets.rows["94/2570"] = Targets.set("94", 2570, {"households_trained": 2460}, "p", NOW)
    uow.sammachip_counts.counts = {"households_trained": {"9401": 12}}
    table = sammachip_report(uow, SYSTEM, ReportQuery("94", 2570))
    (row,) = [r for r in table["rows"] if r["key"] == "9401"]
    assert row["households_trained_achieved"] == 12
    assert table["totals"]["households_trained_target"] == 2460
    scope = uow.sammachip_counts.scope
    assert (scope.area, scope.fiscal_year, scope.child_length, scope.reach) == ("94", 2570, 4, None)
    with pytest.raises(Forbidden):
        sammachip_report(uow, caller(Role.VOLUNTEER_LEADER, ["94"]), ReportQuery("94", 2570))
