"""Smile Team use cases with the fake unit of work: forming, joining, leaving, changing, who may
do it, stale versions, and the events announced. No database, no broker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infra.caller import SMILE_TEAM_ROLES, Role
from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.teams.domain.assignment import Assignment
from services.teams.domain.person import Person
from services.teams.domain.team import Team
from services.teams.usecases import teams
from services.teams.usecases.commands.teams import (
    ChangeTeam,
    FormTeam,
    JoinTeam,
    LeaveTeam,
    TeamSeat,
)
from tests.unit.teams.factories import (
    NOW,
    OTHER_TAMBON,
    TAMBON,
    VILLAGE,
    caller,
    coordinator,
    expert,
    leader,
)
from tests.unit.teams.fakes import FakeUnitOfWork

LEADER, COORDINATOR, EXPERT = SMILE_TEAM_ROLES
SUPERVISOR = caller(Role.DISTRICT_SUPERVISOR, ["2401"], pid="supervisor")
LATER = NOW + timedelta(hours=1)


def world() -> tuple[FakeUnitOfWork, dict[Role, Person]]:
    trio = {LEADER: leader(), COORDINATOR: coordinator(), EXPERT: expert()}
    return FakeUnitOfWork().given(*trio.values()), trio


def form(
    uow: FakeUnitOfWork,
    trio: dict[Role, Person],
    roles: tuple[Role, ...] = SMILE_TEAM_ROLES,
    coverage: tuple[str, ...] = (TAMBON,),
) -> Team:
    seats = tuple(TeamSeat(role, trio[role].id) for role in roles)
    return teams.form_team(uow, SUPERVISOR, FormTeam("Smile 1", coverage, seats), NOW)


def kinds(uow: FakeUnitOfWork) -> list[str]:
    return [kind for kind, _ in uow.published]


def test_a_complete_team_is_stored_each_join_logged_and_announced_complete() -> None:
    uow, trio = world()
    team = form(uow, trio)

    assert team.complete and uow.teams.rows == {team.id: team}
    joins = [(e["person_id"], e["role"], e["change"]) for e in uow.teams.entries]
    assert joins == [(trio[r].id, r.value, "joined") for r in SMILE_TEAM_ROLES]
    assert kinds(uow) == ["team_membership_changed", "team_completed"]
    (formed,) = uow.events("team_membership_changed")
    assert formed["change"] == "formed" and formed["members"]["district_expert"] == "ex"


def test_a_team_formed_incomplete_is_announced_without_being_complete() -> None:
    uow, trio = world()
    team = form(uow, trio, roles=(LEADER,))

    assert team.status == "forming" and team.missing_roles == [COORDINATOR, EXPERT]
    assert kinds(uow) == ["team_membership_changed"]
    assert uow.events("team_membership_changed")[0]["complete"] is False


def test_a_seat_for_someone_without_the_role_is_refused_and_nothing_is_kept() -> None:
    uow, trio = world()
    wrong = FormTeam("Smile", (TAMBON,), (TeamSeat(EXPERT, trio[COORDINATOR].id),))

    with pytest.raises(ValidationFailed) as refused:
        teams.form_team(uow, SUPERVISOR, wrong, NOW)
    assert [e.field for e in refused.value.errors] == ["members.0.person_id"]
    assert uow.teams.rows == {} and uow.teams.entries == [] and uow.published == []


def test_a_supervisor_outside_the_coverage_may_not_form_a_team_there() -> None:
    uow, _ = world()
    elsewhere = caller(Role.DISTRICT_SUPERVISOR, ["2402"], pid="elsewhere")

    with pytest.raises(Forbidden):
        teams.form_team(uow, elsewhere, FormTeam("Smile", (TAMBON,)), NOW)
    assert uow.teams.rows == {} and uow.commits == 0


def test_the_last_member_joining_completes_the_team_once() -> None:
    uow, trio = world()
    team = form(uow, trio, roles=(LEADER, COORDINATOR))

    joined = teams.join_team(uow, SUPERVISOR, team.id, JoinTeam(EXPERT, "ex"), 1, LATER)

    assert joined.complete and joined.version == 2 and uow.teams.rows[team.id] == joined
    assert kinds(uow)[1:] == ["team_membership_changed", "team_completed"]
    change = uow.events("team_membership_changed")[-1]
    seat = (change["change"], change["person_id"], change["role"])
    assert seat == ("joined", "ex", "district_expert")
    assert uow.teams.entries[-1]["changed_at"] == LATER


def test_a_second_member_for_a_filled_role_is_refused_and_nothing_changes() -> None:
    uow, trio = world()
    team = form(uow, trio)
    another = leader(pid="vl2")
    uow.given(another)

    with pytest.raises(Conflict) as refused:
        teams.join_team(uow, SUPERVISOR, team.id, JoinTeam(LEADER, another.id), 1, LATER)
    assert [e.field for e in refused.value.errors] == ["role"]
    assert uow.teams.rows[team.id] == team and uow.commits == 1


def test_a_member_leaving_makes_the_team_incomplete_and_says_what_is_missing() -> None:
    uow, trio = world()
    team = form(uow, trio)

    left = teams.leave_team(uow, SUPERVISOR, team.id, LeaveTeam("vl", "moved away"), 1, LATER)

    assert left.status == "forming" and uow.teams.rows[team.id].missing_roles == [LEADER]
    (incomplete,) = uow.events("team_incomplete")
    assert incomplete["missing_roles"] == ["volunteer_leader"]
    entry = uow.teams.entries[-1]
    assert (entry["person_id"], entry["change"], entry["reason"]) == ("vl", "left", "moved away")


def test_someone_who_is_not_a_member_cannot_leave() -> None:
    uow, trio = world()
    team = form(uow, trio, roles=(LEADER,))

    with pytest.raises(ValidationFailed):
        teams.leave_team(uow, SUPERVISOR, team.id, LeaveTeam("co"), 1, LATER)
    assert uow.teams.rows[team.id] == team and uow.events("team_incomplete") == []


def test_a_stale_version_is_refused_with_the_current_one_and_nothing_changes() -> None:
    uow, trio = world()
    team = form(uow, trio, roles=(LEADER, COORDINATOR))
    teams.change_team(uow, SUPERVISOR, team.id, ChangeTeam("Renamed", (TAMBON,)), 1, NOW)
    published = len(uow.published)

    with pytest.raises(PreconditionFailed) as stale:
        teams.join_team(uow, SUPERVISOR, team.id, JoinTeam(EXPERT, "ex"), 1, LATER)
    assert stale.value.extra == {"current_version": 2}
    kept = uow.teams.rows[team.id]
    assert (kept.name, kept.complete) == ("Renamed", False) and len(uow.published) == published


def test_a_caller_who_does_not_read_the_area_hears_the_team_does_not_exist() -> None:
    uow, trio = world()
    team = form(uow, trio)
    neighbour = caller(Role.DISTRICT_SUPERVISOR, [OTHER_TAMBON], pid="neighbour")

    with pytest.raises(NotFound):
        teams.get_team(uow, neighbour, team.id)
    with pytest.raises(NotFound):
        teams.leave_team(uow, neighbour, team.id, LeaveTeam("vl"), 1, LATER)
    assert uow.teams.rows[team.id] == team


def test_a_coordinator_reads_the_team_of_their_area_but_may_not_change_it() -> None:
    uow, trio = world()
    team = form(uow, trio)
    reader = trio[COORDINATOR].as_caller()

    assert teams.get_team(uow, reader, team.id) == team
    with pytest.raises(Forbidden):
        teams.change_team(uow, reader, team.id, ChangeTeam("Mine now", (TAMBON,)), 1, NOW)
    with pytest.raises(Forbidden):
        teams.leave_team(uow, reader, team.id, LeaveTeam("vl"), 1, LATER)
    assert uow.teams.rows[team.id] == team and uow.commits == 1


def test_the_coverage_may_drop_a_sub_district_only_where_the_team_has_no_households() -> None:
    uow, trio = world()
    team = form(uow, trio, roles=(EXPERT,), coverage=(TAMBON, OTHER_TAMBON))
    uow.given(Assignment("h1", VILLAGE, team.id, "supervisor", NOW))  # a household in TAMBON

    with pytest.raises(Conflict) as refused:
        teams.change_team(uow, SUPERVISOR, team.id, ChangeTeam("Smile 1", (OTHER_TAMBON,)), 1, NOW)
    assert [e.field for e in refused.value.errors] == ["coverage"]
    narrowed = teams.change_team(uow, SUPERVISOR, team.id, ChangeTeam("Smile 1", (TAMBON,)), 1, NOW)
    assert uow.teams.rows[team.id].coverage == narrowed.coverage == (TAMBON,)
