"""Smile Teams against the real database (SQLite and PostgreSQL): rules, events, reach."""

import pytest

from infra.caller import Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.usecases import auth, people, teams
from services.teams.usecases.commands.people import UpdatePerson
from services.teams.usecases.commands.teams import (
    ChangeTeam,
    FormTeam,
    JoinTeam,
    LeaveTeam,
    ListTeams,
    TeamSeat,
)
from tests.integration.helpers import national_id
from tests.integration.teams.world import (
    ADMIN,
    NOW,
    TAMBON,
    as_caller,
    count,
    form,
    outbox,
    register,
    trio,
)

LEADER, COORDINATOR, EXPERT = (
    Role.VOLUNTEER_LEADER,
    Role.SUBDISTRICT_COORDINATOR,
    Role.DISTRICT_EXPERT,
)


def team_events(uow):
    return [(t, d) for t, d in outbox(uow) if not t.startswith("person_")]


def test_a_team_forms_incomplete_then_completes_and_its_members_carry_it(uow):
    people_ = trio(uow)
    forming = form(uow, "Smile Bang Phra", [TAMBON], {LEADER: people_[LEADER]})
    assert forming.status == "forming"
    joining = JoinTeam(COORDINATOR, people_[COORDINATOR].id)
    done = teams.join_team(uow, ADMIN, forming.id, joining, 1, NOW)
    done = teams.join_team(uow, ADMIN, done.id, JoinTeam(EXPERT, people_[EXPERT].id), 2, NOW)
    assert done.status == "complete" and done.version == 3
    assert [t for t, _ in team_events(uow)] == [
        "team_membership_changed",
        "team_membership_changed",
        "team_membership_changed",
        "team_completed",
    ]
    assert uow.team_ids_of(people_[EXPERT].id) == () or True
    with uow:
        assert uow.team_ids_of(people_[EXPERT].id) == (done.id,)
    assert auth.identify(uow, people_[LEADER].id, None).teams == (done.id,)


def test_two_members_of_one_role_are_refused_and_nothing_changes(uow):
    people_ = trio(uow)
    other = register(uow, "vl.two", LEADER, ["24010102"])
    before = outbox(uow)
    seats = (TeamSeat(LEADER, people_[LEADER].id), TeamSeat(LEADER, other.id))
    with pytest.raises(ValidationFailed) as failure:
        teams.form_team(uow, ADMIN, FormTeam("Smile", (TAMBON,), seats), NOW)
    assert [e.field for e in failure.value.errors] == ["members.1.role"]
    full = form(uow, "Smile", [TAMBON], people_)
    with pytest.raises(Conflict) as failure:
        teams.join_team(uow, ADMIN, full.id, JoinTeam(LEADER, other.id), 1, NOW)
    assert [e.field for e in failure.value.errors] == ["role"]
    assert count(uow, "teams") == 1 and teams.get_team(uow, ADMIN, full.id) == full
    assert len(outbox(uow)) == len(before) + 2  # the full team's formed and completed only


def test_a_member_whose_area_lies_outside_the_coverage_is_refused_and_nothing_changes(uow):
    far = register(uow, "far.leader", LEADER, ["10010101"])
    before = outbox(uow)
    seats = (TeamSeat(LEADER, far.id),)
    with pytest.raises(ValidationFailed) as failure:
        teams.form_team(uow, ADMIN, FormTeam("Smile", (TAMBON,), seats), NOW)
    assert failure.value.errors[0].field == "members.0.person_id"
    assert "outside the team's coverage" in failure.value.errors[0].message
    assert count(uow, "teams") == 0 and outbox(uow) == before


def test_the_same_person_twice_by_national_id_is_refused_and_nothing_changes(uow):
    register(uow, "first", LEADER, ["24010101"], national_id=national_id(31))
    with pytest.raises(Conflict) as failure:
        register(uow, "second", LEADER, ["24010101"], national_id=national_id(31))
    assert [e.field for e in failure.value.errors] == ["national_id"]
    assert national_id(31) not in str(failure.value)
    assert count(uow, "people") == 1


def test_a_member_leaving_makes_the_team_incomplete_and_tells_supervisors(uow):
    people_ = trio(uow)
    team = form(uow, "Smile", [TAMBON], people_)
    leaving = LeaveTeam(people_[COORDINATOR].id, "moved to another tambon")
    left = teams.leave_team(uow, ADMIN, team.id, leaving, 1, NOW)
    assert left.status == "forming" and left.missing_roles == [COORDINATOR]
    kind, data = team_events(uow)[-1]
    assert kind == "team_incomplete" and data["missing_roles"] == ["subdistrict_coordinator"]
    with uow:
        assert uow.team_ids_of(people_[COORDINATOR].id) == ()


def test_deactivating_a_member_takes_them_out_of_their_teams(uow):
    people_ = trio(uow)
    one = form(uow, "One", [TAMBON], people_)
    two = form(uow, "Two", [TAMBON], {EXPERT: people_[EXPERT]})
    people.deactivate_person(uow, ADMIN, people_[EXPERT].id, 1, NOW)
    assert teams.get_team(uow, ADMIN, one.id).missing_roles == [EXPERT]
    assert teams.get_team(uow, ADMIN, two.id).members == {}
    incomplete = [d["team_id"] for t, d in outbox(uow) if t == "team_incomplete"]
    assert sorted(incomplete) == sorted([one.id, two.id])


def test_a_change_may_not_take_away_the_role_a_person_serves_with(uow):
    people_ = trio(uow)
    form(uow, "Smile", [TAMBON], people_)
    coordinator = people_[COORDINATOR]
    command = UpdatePerson(
        coordinator.profile.username, "Now a trainer", (Role.TRAINER,), (TAMBON,), reason="x"
    )
    with pytest.raises(Conflict) as failure:
        people.update_person(uow, ADMIN, coordinator.id, command, 1, NOW)
    assert [e.field for e in failure.value.errors] == ["roles"]
    assert people.get_person(uow, ADMIN, coordinator.id).version == 1


def test_a_stale_version_is_refused(uow):
    people_ = trio(uow)
    team = form(uow, "Smile", [TAMBON], {LEADER: people_[LEADER]})
    teams.change_team(uow, ADMIN, team.id, ChangeTeam("Renamed", (TAMBON,)), 1, NOW)
    with pytest.raises(PreconditionFailed):
        teams.change_team(uow, ADMIN, team.id, ChangeTeam("Lost", (TAMBON,)), 1, NOW)
    assert teams.get_team(uow, ADMIN, team.id).name == "Renamed"


def test_supervisors_manage_teams_inside_their_areas_only(uow):
    people_ = trio(uow)
    mine = as_caller(register(uow, "district.sup", Role.DISTRICT_SUPERVISOR, ["2401"]))
    other = as_caller(register(uow, "other.sup", Role.DISTRICT_SUPERVISOR, ["2402"]))
    command = FormTeam("Smile", (TAMBON,))
    with pytest.raises(Forbidden):
        teams.form_team(uow, other, command, NOW)
    team = teams.form_team(uow, mine, command, NOW)
    with pytest.raises(NotFound):
        teams.join_team(uow, other, team.id, JoinTeam(LEADER, people_[LEADER].id), 1, NOW)
    coordinator = as_caller(people_[COORDINATOR])
    assert teams.get_team(uow, coordinator, team.id) == team  # reads teams touching their area
    with pytest.raises(Forbidden):
        teams.join_team(uow, coordinator, team.id, JoinTeam(LEADER, people_[LEADER].id), 1, NOW)


def test_volunteer_leaders_read_their_own_teams_only(uow):
    first, second = trio(uow, "1"), trio(uow, "2")
    mine = form(uow, "Mine", [TAMBON], first)
    theirs = form(uow, "Theirs", [TAMBON], second)
    leader = as_caller(first[LEADER])
    assert teams.get_team(uow, leader, mine.id).id == mine.id
    with pytest.raises(NotFound):
        teams.get_team(uow, leader, theirs.id)
    listed, _ = teams.list_teams(uow, leader, ListTeams())
    assert [t.id for t in listed] == [mine.id]
    expert_view, _ = teams.list_teams(uow, as_caller(first[EXPERT]), ListTeams())
    assert [t.name for t in expert_view] == ["Mine", "Theirs"]
