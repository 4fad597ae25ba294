"""Assigning households with the fake unit of work: one at a time, a village at once, reassigning;
who may, a race lost, stale versions, and the events announced. No database, no broker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.domain.team import Team
from services.teams.usecases import assignments
from services.teams.usecases.commands.assignments import (
    AssignHousehold,
    AssignVillage,
    ReassignHousehold,
)
from tests.unit.teams.factories import NOW, OTHER_TAMBON, TAMBON, VILLAGE, caller, full_team
from tests.unit.teams.fakes import FakeUnitOfWork

H1, H2, H3 = (f"00000000-0000-4000-8000-00000000000{n}" for n in (1, 2, 3))
ASSIGNER = caller(Role.SUBDISTRICT_COORDINATOR, [TAMBON], pid="assigner")
LATER = NOW + timedelta(hours=1)
TEAM, OTHER_TEAM = full_team(name="Smile 1"), full_team(name="Smile 2")


def world(*households: str) -> FakeUnitOfWork:
    known = [KnownHousehold(h, VILLAGE) for h in households or (H1,)]
    return FakeUnitOfWork().given(TEAM, OTHER_TEAM, *known)


def assign(uow: FakeUnitOfWork, household: str = H1, team_id: str = TEAM.id, who=ASSIGNER):
    return assignments.assign(uow, who, AssignHousehold(household, team_id), NOW)


def test_a_household_goes_to_a_complete_team_and_is_announced() -> None:
    uow = world()
    done = assign(uow)

    assert uow.assignments.rows == {H1: done}
    assert (done.team_id, done.village_code, done.assigned_by) == (TEAM.id, VILLAGE, "assigner")
    assert uow.events("household_assigned") == [
        {
            "household_id": H1,
            "team_id": TEAM.id,
            "village_code": VILLAGE,
            "assigned_by": "assigner",
            "assigned_at": NOW.isoformat(),
        }
    ]
    assert [(h["from_team_id"], h["to_team_id"]) for h in uow.assignments.entries] == [
        (None, TEAM.id)
    ]


def test_asking_again_for_the_same_team_answers_the_assignment_and_announces_nothing_new() -> None:
    uow = world()
    first = assign(uow)

    assert assign(uow) == first
    assert len(uow.published) == 1 and uow.commits == 1


def test_a_household_that_has_another_team_is_not_taken_from_it() -> None:
    uow = world()
    assign(uow, team_id=OTHER_TEAM.id)

    with pytest.raises(Conflict) as refused:
        assign(uow)
    assert [e.field for e in refused.value.errors] == ["household_id"]
    assert uow.assignments.rows[H1].team_id == OTHER_TEAM.id and len(uow.published) == 1


def test_a_forming_team_takes_no_households() -> None:
    forming = Team("Forming", (TAMBON,), {}, NOW)
    uow = world().given(forming)

    with pytest.raises(Conflict):
        assign(uow, team_id=forming.id)
    assert uow.assignments.rows == {} and uow.published == []


def test_a_household_outside_the_callers_areas_is_refused_as_unknown() -> None:
    uow = world()
    neighbour = caller(Role.SUBDISTRICT_COORDINATOR, [OTHER_TAMBON], pid="neighbour")

    with pytest.raises(ValidationFailed) as refused:
        assign(uow, who=neighbour)
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("household_id", assignments.UNKNOWN_HOUSEHOLD)
    ]
    assert uow.assignments.rows == {}


def test_volunteer_leaders_do_not_assign() -> None:
    uow = world()
    with pytest.raises(Forbidden):
        assign(uow, who=caller(Role.VOLUNTEER_LEADER, [VILLAGE], pid="vl"))
    assert uow.assignments.rows == {}


def test_the_loser_of_a_race_hears_the_household_was_assigned_meanwhile() -> None:
    uow = world()
    rival = Assignment(H1, VILLAGE, OTHER_TEAM.id, "someone else", NOW)
    uow.assignments.rivals = [rival]  # commits between this assignment's check and its insert

    with pytest.raises(Conflict) as lost:
        assign(uow)
    assert lost.value is assignments.ASSIGNED_MEANWHILE
    assert uow.assignments.rows == {H1: rival} and uow.published == [] and uow.commits == 0


def test_a_whole_village_goes_to_the_team_except_households_that_have_one() -> None:
    uow = world(H1, H2, H3)
    assign(uow, H2, OTHER_TEAM.id)

    done = assignments.assign_village(uow, ASSIGNER, AssignVillage(VILLAGE, TEAM.id), LATER)

    assert done["assigned"] == [H1, H3]
    assert done["skipped"] == [{"household_id": H2, "team_id": OTHER_TEAM.id}]
    assert {h: a.team_id for h, a in uow.assignments.rows.items()} == {
        H1: TEAM.id,
        H2: OTHER_TEAM.id,
        H3: TEAM.id,
    }
    assert [e["household_id"] for e in uow.events("household_assigned")] == [H2, H1, H3]


def test_a_village_outside_the_callers_areas_is_refused() -> None:
    uow = world()
    with pytest.raises(ValidationFailed):
        assignments.assign_village(uow, ASSIGNER, AssignVillage("24010201", TEAM.id), NOW)
    assert uow.assignments.rows == {} and uow.published == []


def test_reassigning_says_why_keeps_the_history_and_announces_the_move() -> None:
    uow = world()
    assign(uow)
    move = ReassignHousehold(OTHER_TEAM.id, "  closer to the family ")

    moved = assignments.reassign(uow, ASSIGNER, H1, move, 1, LATER)

    assert uow.assignments.rows[H1] == moved
    assert (moved.team_id, moved.version) == (OTHER_TEAM.id, 2)
    (event,) = uow.events("household_reassigned")
    assert (event["from_team_id"], event["to_team_id"]) == (TEAM.id, OTHER_TEAM.id)
    assert event["reason"] == "closer to the family"
    history = [(h["from_team_id"], h["to_team_id"], h["reason"]) for h in uow.assignments.entries]
    assert history == [(None, TEAM.id, None), (TEAM.id, OTHER_TEAM.id, "closer to the family")]


def test_a_stale_assignment_version_is_refused_and_nothing_moves() -> None:
    uow = world()
    assign(uow)
    assignments.reassign(uow, ASSIGNER, H1, ReassignHousehold(OTHER_TEAM.id, "nearer"), 1, LATER)

    with pytest.raises(PreconditionFailed) as stale:
        assignments.reassign(uow, ASSIGNER, H1, ReassignHousehold(TEAM.id, "back"), 1, LATER)
    assert stale.value.extra == {"current_version": 2}
    assert uow.assignments.rows[H1].team_id == OTHER_TEAM.id
    assert len(uow.events("household_reassigned")) == 1


def test_reassigning_outside_the_callers_areas_hears_the_assignment_does_not_exist() -> None:
    uow = world()
    assign(uow)
    neighbour = caller(Role.SUBDISTRICT_COORDINATOR, [OTHER_TAMBON], pid="neighbour")

    with pytest.raises(NotFound):
        assignments.reassign(uow, neighbour, H1, ReassignHousehold(OTHER_TEAM.id, "x"), 1, LATER)
    assert uow.assignments.rows[H1].team_id == TEAM.id
