"""The teams service's part of the Smile Teams report on a real database (SQLite and PostgreSQL):
the outcomes the outcomes route shows, each member's caseload, each caller's reach."""

import pytest

from infra.caller import Caller, Role
from infra.errors import NotFound
from services.teams.usecases import assignments, caseload
from services.teams.usecases.commands.assignments import AssignHousehold
from services.teams.usecases.commands.reports import ReportQuery, TeamReportQuery
from services.teams.usecases.commands.teams import ListOutcomes
from services.teams.usecases.team_report import team_villages_report, teams_report
from tests.integration.teams.world import (
    ADMIN,
    NOW,
    TAMBON,
    as_caller,
    form,
    household_event,
    known_household,
    learn,
    register,
    trio,
)

PAGE = ListOutcomes()


def assign(uow, household_id, team):
    assignments.assign(uow, ADMIN, AssignHousehold(household_id, team.id), NOW)


def report(uow, caller, area):
    answer = teams_report(uow, caller, ReportQuery(area, 2570))
    return {row["key"]: row for row in answer["rows"]}


@pytest.fixture
def two_teams(uow):
    """One with three households (one graduated, one overdue), one with one, both in Na Mueang;
    the expert serves in both. A third team works in Bang Khla."""
    members = trio(uow)
    one = form(uow, "One", [TAMBON], members)
    two = form(
        uow,
        "Two",
        [TAMBON],
        {**trio(uow, "2"), Role.DISTRICT_EXPERT: members[Role.DISTRICT_EXPERT]},
    )
    far = form(uow, "Far", ["240201"], trio(uow, "3", "240201"))
    a, b, c, d = (known_household(uow) for _ in range(4))
    for household, team in ((a, one), (b, one), (c, one), (d, two)):
        assign(uow, household, team)
    learn(uow, household_event("household_graduated", b, graduated_at=NOW.isoformat()))
    learn(
        uow, household_event("visit_overdue", a, due_on="2026-11-20", detected_at=NOW.isoformat())
    )
    assign(uow, known_household(uow, "24020101"), far)
    return one, two, far, members


def test_teams_side_by_side_match_the_outcomes_route(uow, two_teams):
    one, two, far, _ = two_teams
    rows = report(uow, ADMIN, "2401")
    assert set(rows) == {one.id, two.id}
    outcomes = {r["team_id"]: r for r in caseload.team_outcomes(uow, ADMIN, PAGE)[0]}
    for team in (one, two):
        row, listed = rows[team.id], outcomes[team.id]
        assert row["name"] == team.name and row["households"] == listed["households"]
        assert (row["graduated"], row["overdue_visits"]) == (listed["graduated"], listed["overdue"])
    assert rows[one.id]["households"] == 3, rows[one.id]
    assert rows[one.id]["stage_graduated"] == 1
    assert rows[one.id]["expert_open_cases"] == rows[two.id]["expert_open_cases"] == 3  # 2 + 1
    loads = {
        m["role"]: m["open_cases"] for m in caseload.team_caseload(uow, ADMIN, one.id)["members"]
    }
    assert rows[one.id]["leader_open_cases"] == loads["volunteer_leader"] == 2  # b graduated
    assert set(report(uow, ADMIN, "24")) == {one.id, two.id, far.id}


def test_each_caller_sees_only_the_teams_of_their_reach(uow, two_teams):
    _, _, far, _ = two_teams
    bang_khla = Caller("s", "s", frozenset({Role.DISTRICT_SUPERVISOR}), ("2402",))
    assert set(report(uow, bang_khla, "24")) == {far.id}
    with pytest.raises(NotFound):
        report(uow, bang_khla, "2401")


def villages(uow, caller, team):
    answer = team_villages_report(uow, caller, TeamReportQuery(team.id, 2570))
    return {row["key"]: row for row in answer["rows"]}, answer["totals"]


def test_one_team_a_row_per_village_for_whoever_may_read_it(uow):
    """A team across two districts: its members and administrators see all of it, a district
    supervisor their district's villages, anyone else nothing (NotFound)."""
    members = trio(uow)
    wide = form(uow, "Wide", [TAMBON, "240201"], members)
    for village in ("24010101", "24010101", "24010102", "24020101"):
        assign(uow, known_household(uow, village), wide)
    rows, totals = villages(uow, ADMIN, wide)
    assert {key: row["households"] for key, row in rows.items()} == {
        "24010101": 2, "24010102": 1, "24020101": 1}  # fmt: skip
    assert totals == {"leader_open_cases": 4, "coordinator_open_cases": 4,
                      "expert_open_cases": 4}  # fmt: skip
    leader = as_caller(members[Role.VOLUNTEER_LEADER])
    assert villages(uow, leader, wide)[0] == rows
    mueang = Caller("s", "s", frozenset({Role.DISTRICT_SUPERVISOR}), ("2401",))
    assert set(villages(uow, mueang, wide)[0]) == {"24010101", "24010102"}
    for outsider in (
        Caller("p", "p", frozenset({Role.PROVINCIAL_SUPERVISOR}), ("94",)),
        as_caller(register(uow, "stranger", Role.VOLUNTEER_LEADER, ["24010101"])),
    ):
        with pytest.raises(NotFound):
            villages(uow, outsider, wide)
