import pytest
from hypothesis import given
from hypothesis import strategies as st

from infra.caller import Role
from infra.errors import Conflict, ValidationFailed
from services.teams.domain.assignment import Load, assign, ranked, reassign
from services.teams.domain.team import Team
from tests.unit.teams.factories import NOW, OTHER_TAMBON, TAMBON, VILLAGE, full_team, leader, seat


def test_a_complete_team_takes_a_household_of_its_coverage():
    team = full_team()
    assignment = assign("h1", VILLAGE, team, "me", NOW)
    assert (assignment.team_id, assignment.version, assignment.assigned_by) == (team.id, 1, "me")


def test_a_forming_team_takes_no_households():
    forming = Team.form("Smile", [TAMBON], [seat(Role.VOLUNTEER_LEADER, leader())], NOW)
    with pytest.raises(Conflict) as failure:
        assign("h1", VILLAGE, forming, "me", NOW)
    assert [e.field for e in failure.value.errors] == ["team_id"]
    assert "subdistrict_coordinator, district_expert" in failure.value.detail


def test_a_household_outside_the_coverage_is_refused():
    with pytest.raises(ValidationFailed) as failure:
        assign("h1", "24010201", full_team(), "me", NOW)
    assert [e.field for e in failure.value.errors] == ["household_id"]


def test_reassignment_needs_a_reason_and_another_covering_team():
    first, second = full_team(name="A"), full_team(name="B")
    current = assign("h1", VILLAGE, first, "me", NOW)
    moved = reassign(current, second, "the leader moved away", "sup", NOW)
    assert (moved.team_id, moved.version, moved.assigned_by) == (second.id, 2, "sup")
    for team, reason, field in [(second, "  ", "reason"), (first, "why", "team_id")]:
        with pytest.raises(ValidationFailed) as failure:
            reassign(current, team, reason, "sup", NOW)
        assert failure.value.errors[0].field == field
    with pytest.raises(ValidationFailed):
        reassign(current, full_team(coverage=(OTHER_TAMBON,)), "closer team", "sup", NOW)


def test_the_least_loaded_complete_team_comes_first():
    busy, calm, forming = (
        full_team(name="Busy"),
        full_team(name="Calm"),
        Team.form("F", [TAMBON], [], NOW),
    )
    loads = [Load(busy, 12, 30), Load(calm, 3, 40), Load(forming, 0, 0)]
    assert [x.team.name for x in ranked(loads)] == ["Calm", "Busy"]
    tie = [Load(busy, 3, 9), Load(calm, 3, 40)]
    assert [x.team.name for x in ranked(tie)] == ["Busy", "Calm"]  # its busiest member is lighter


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=8))
def test_no_complete_team_is_lighter_than_the_suggestion(figures):
    loads = [
        Load(full_team(name=f"T{i}"), cases, member) for i, (cases, member) in enumerate(figures)
    ]
    best = ranked(loads)[0]
    assert all(best.open_cases <= other.open_cases for other in loads)
