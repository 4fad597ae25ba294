"""Assignments, caseloads and outcomes against the real database (SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.usecases import assignments, caseload, teams
from services.teams.usecases.commands.assignments import (
    AssignHousehold,
    AssignVillage,
    ReassignHousehold,
)
from services.teams.usecases.commands.teams import ChangeTeam, ListOutcomes
from tests.integration.teams.world import (
    ADMIN,
    NOW,
    TAMBON,
    VILLAGE,
    as_caller,
    count,
    form,
    household_event,
    known_household,
    learn,
    outbox,
    register,
    trio,
)

LEADER, COORDINATOR, EXPERT = (
    Role.VOLUNTEER_LEADER,
    Role.SUBDISTRICT_COORDINATOR,
    Role.DISTRICT_EXPERT,
)
PAGE = ListOutcomes()


def assign(uow, household_id, team, who=ADMIN):
    return assignments.assign(uow, who, AssignHousehold(household_id, team.id), NOW)


def events_of(uow, kind):
    return [d for t, d in outbox(uow) if t == kind]


def test_a_household_goes_to_a_complete_team_once(uow):
    team = form(uow, "Smile", [TAMBON], trio(uow))
    household = known_household(uow)
    done = assign(uow, household, team)
    assert (done.team_id, done.village_code, done.version) == (team.id, VILLAGE, 1)
    assert assign(uow, household, team) == done  # asked again: nothing new
    assert events_of(uow, "household_assigned") == [
        {
            "household_id": household,
            "team_id": team.id,
            "village_code": VILLAGE,
            "assigned_by": "system",
            "assigned_at": NOW.isoformat(),
        }
    ]
    other = form(uow, "Other", [TAMBON], trio(uow, "2"))
    with pytest.raises(Conflict) as failure:
        assign(uow, household, other)
    assert [e.field for e in failure.value.errors] == ["household_id"]


def test_assigning_to_a_forming_team_is_refused_and_nothing_changes(uow):
    people_ = trio(uow)
    forming = form(uow, "Forming", [TAMBON], {LEADER: people_[LEADER]})
    household = known_household(uow)
    with pytest.raises(Conflict) as failure:
        assign(uow, household, forming)
    assert [e.field for e in failure.value.errors] == ["team_id"]
    assert count(uow, "assignments") == 0 and events_of(uow, "household_assigned") == []


def test_a_household_outside_the_team_coverage_is_refused_and_nothing_changes(uow):
    team = form(uow, "Smile", [TAMBON], trio(uow))
    elsewhere = known_household(uow, village="24010201")
    with pytest.raises(ValidationFailed) as failure:
        assign(uow, elsewhere, team)
    assert [e.field for e in failure.value.errors] == ["household_id"]
    with pytest.raises(ValidationFailed) as failure:
        assign(uow, "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10", team)  # never heard of
    assert [e.field for e in failure.value.errors] == ["household_id"]
    assert count(uow, "assignments") == 0 and events_of(uow, "household_assigned") == []


def test_reassignment_says_why_keeps_history_and_checks_the_version(uow):
    first = form(uow, "First", [TAMBON], trio(uow))
    second = form(uow, "Second", [TAMBON], trio(uow, "2"))
    household = known_household(uow)
    assign(uow, household, first)
    command = ReassignHousehold(second.id, "closer to the family")
    moved = assignments.reassign(uow, ADMIN, household, command, 1, NOW + timedelta(hours=1))
    assert moved.team_id == second.id and moved.version == 2
    (event,) = events_of(uow, "household_reassigned")
    assert (event["from_team_id"], event["to_team_id"], event["reason"]) == (
        first.id,
        second.id,
        "closer to the family",
    )
    with pytest.raises(PreconditionFailed):
        back = ReassignHousehold(first.id, command.reason)
        assignments.reassign(uow, ADMIN, household, back, 1, NOW)
    found = assignments.get_assignment(uow, ADMIN, household)
    assert [(h["from_team_id"], h["to_team_id"]) for h in found["history"]] == [
        (None, first.id),
        (first.id, second.id),
    ]


def test_coordinators_assign_in_their_areas_and_volunteer_leaders_do_not(uow):
    people_ = trio(uow)
    team = form(uow, "Smile", [TAMBON, "240102"], people_)
    here, there = known_household(uow), known_household(uow, village="24010201")
    assert assign(uow, here, team, as_caller(people_[COORDINATOR])).team_id == team.id
    with pytest.raises(ValidationFailed):
        assign(uow, there, team, as_caller(people_[COORDINATOR]))
    with pytest.raises(Forbidden):
        assign(uow, there, team, as_caller(people_[LEADER]))
    with pytest.raises(NotFound):
        command = ReassignHousehold(team.id, "x")
        assignments.reassign(
            uow, as_caller(register(uow, "co.far", COORDINATOR, ["240201"])), here, command, 1, NOW
        )
    assert count(uow, "assignments") == 1


def test_a_whole_village_at_once_skips_households_that_have_a_team(uow):
    team = form(uow, "Smile", [TAMBON], trio(uow))
    other = form(uow, "Other", [TAMBON], trio(uow, "2"))
    households = [known_household(uow) for _ in range(3)]
    known_household(uow, village="24010102")  # another village
    assign(uow, households[0], other)
    done = assignments.assign_village(uow, ADMIN, AssignVillage(VILLAGE, team.id), NOW)
    assert sorted(done["assigned"]) == sorted(households[1:])
    assert done["skipped"] == [{"household_id": households[0], "team_id": other.id}]
    assert len(events_of(uow, "household_assigned")) == 3


def test_caseload_per_team_and_per_member_counts_open_cases_over_all_teams(uow):
    people_ = trio(uow)
    one = form(uow, "One", [TAMBON], people_)
    two = form(uow, "Two", [TAMBON], {**trio(uow, "2"), EXPERT: people_[EXPERT]})
    for team, n in ((one, 2), (two, 3)):
        for _ in range(n):
            assign(uow, known_household(uow), team)
    graduated = known_household(uow)
    assign(uow, graduated, two)
    learn(uow, household_event("household_graduated", graduated, graduated_at=NOW.isoformat()))
    load = caseload.team_caseload(uow, ADMIN, two.id)
    assert load["open_cases"] == 3
    expert_row = next(m for m in load["members"] if m["role"] == "district_expert")
    assert expert_row == {
        "role": "district_expert",
        "person_id": people_[EXPERT].id,
        "teams": 2,
        "open_cases": 5,
    }
    mine = caseload.person_caseload(uow, as_caller(people_[EXPERT]), people_[EXPERT].id)
    assert mine["open_cases"] == 5 and {t["open_cases"] for t in mine["teams"]} == {2, 3}


def test_the_least_loaded_complete_team_is_suggested(uow):
    busy = form(uow, "Busy", [TAMBON], trio(uow))
    calm = form(uow, "Calm", [TAMBON], trio(uow, "2"))
    form(uow, "Forming", [TAMBON], {})
    for _ in range(2):
        assign(uow, known_household(uow), busy)
    suggestion = caseload.suggest_teams(uow, ADMIN, VILLAGE)
    assert suggestion["suggested_team_id"] == calm.id
    assert [c["name"] for c in suggestion["candidates"]] == ["Calm", "Busy"]
    with pytest.raises(ValidationFailed):
        caseload.suggest_teams(
            uow, as_caller(register(uow, "far.co", COORDINATOR, ["240201"])), VILLAGE
        )


def test_outcomes_side_by_side_come_from_the_households_events(uow):
    one = form(uow, "One", [TAMBON], trio(uow))
    two = form(uow, "Two", [TAMBON], trio(uow, "2"))
    a, b, c = (known_household(uow) for _ in range(3))
    for household, team in ((a, one), (b, one), (c, two)):
        assign(uow, household, team)
    learn(
        uow,
        household_event(
            "consent_recorded", a, consented=True, recorded_by="p", recorded_at=NOW.isoformat()
        ),
    )
    learn(
        uow, household_event("case_stage_changed", a, to_stage="care", changed_at=NOW.isoformat())
    )
    learn(
        uow, household_event("visit_overdue", a, due_on="2026-11-20", detected_at=NOW.isoformat())
    )
    learn(uow, household_event("household_graduated", b, graduated_at=NOW.isoformat()))
    rows, _ = caseload.team_outcomes(uow, ADMIN, PAGE)
    first = next(r for r in rows if r["team_id"] == one.id)
    assert first["by_stage"] == {"care": 1, "graduated": 1} and first["households"] == 2
    assert (first["graduated"], first["overdue"], first["consented"]) == (1, 1, 1)
    assert str(first["graduation_rate"]) == "0.500"
    learn(uow, household_event("visit_logged", a, visited_at="2026-11-22", visit_id=b))
    rows, _ = caseload.team_outcomes(uow, ADMIN, PAGE)
    assert next(r for r in rows if r["team_id"] == one.id)["overdue"] == 0


def test_a_duplicate_delivery_changes_nothing(uow):
    household = known_household(uow)
    later = household_event(
        "case_stage_changed",
        household,
        to_stage="compass",
        changed_at=(NOW + timedelta(days=2)).isoformat(),
    )
    earlier = household_event(
        "case_stage_changed", household, to_stage="target", changed_at=NOW.isoformat()
    )
    for envelope in (later, earlier, later):
        learn(uow, envelope)
    with uow:
        assert uow.households.get(household).stage == "compass"
    assert count(uow, "inbox") == 3  # registered, later, earlier: the repeat left no trace


def test_coverage_may_not_drop_a_sub_district_where_the_team_has_households(uow):
    team = form(uow, "Smile", [TAMBON, "240102"], trio(uow, tambon="240102"))
    assign(uow, known_household(uow), team)  # in 240101
    with pytest.raises(Conflict) as failure:
        teams.change_team(uow, ADMIN, team.id, ChangeTeam("Smile", ("240102",)), 1, NOW)
    assert [e.field for e in failure.value.errors] == ["coverage"]
    assert teams.get_team(uow, ADMIN, team.id).coverage == (TAMBON, "240102")
