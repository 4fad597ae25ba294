import pytest

from infra.caller import Role
from infra.errors import Conflict, ValidationFailed
from services.teams.domain.team import Team
from tests.unit.teams.factories import (
    FAR_TAMBON,
    NOW,
    OTHER_TAMBON,
    TAMBON,
    coordinator,
    expert,
    full_team,
    leader,
    person,
    seat,
)


def fields_of(failure):
    return [e.field for e in failure.value.errors]


def test_a_team_with_its_three_roles_is_complete():
    team = full_team()
    assert team.complete and team.status == "complete" and team.missing_roles == []
    assert team.member_ids == {"vl", "co", "ex"}


def test_a_team_may_form_incomplete_and_says_what_is_missing():
    team = Team.form("Smile 2", [TAMBON], [seat(Role.VOLUNTEER_LEADER, leader())], NOW)
    assert team.status == "forming"
    assert team.missing_roles == [Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT]


def test_two_members_of_one_role_are_refused_naming_the_second():
    with pytest.raises(ValidationFailed) as failure:
        Team.form(
            "Smile",
            [TAMBON],
            [seat(Role.VOLUNTEER_LEADER, leader()), seat(Role.VOLUNTEER_LEADER, leader(pid="vl2"))],
            NOW,
        )
    assert fields_of(failure) == ["members.1.role"]


def test_joining_a_filled_role_is_a_conflict_on_the_role():
    with pytest.raises(Conflict) as failure:
        full_team().join(seat(Role.VOLUNTEER_LEADER, leader(pid="vl2")))
    assert fields_of(failure) == ["role"]


def test_a_member_whose_area_lies_outside_the_coverage_is_refused():
    far_leader = leader(area=FAR_TAMBON + "01")
    with pytest.raises(ValidationFailed) as failure:
        Team.form("Smile", [TAMBON], [seat(Role.VOLUNTEER_LEADER, far_leader)], NOW)
    assert fields_of(failure) == ["members.0.person_id"]
    assert "outside the team's coverage" in failure.value.errors[0].message
    forming = Team.form("Smile", [TAMBON], [], NOW)
    with pytest.raises(ValidationFailed):
        forming.join(seat(Role.VOLUNTEER_LEADER, far_leader))


@pytest.mark.parametrize(
    "who, problem",
    [
        (None, "no such person"),
        (person(Role.TRAINER, ["24010101"]), "does not hold the role volunteer_leader"),
        (person(Role.VOLUNTEER_LEADER, ["24010101"], active=False), "deactivated"),
    ],
)
def test_only_active_people_holding_the_role_may_join(who, problem):
    with pytest.raises(ValidationFailed) as failure:
        Team.form("Smile", [TAMBON], [seat(Role.VOLUNTEER_LEADER, who, pid="x")], NOW)
    assert problem in failure.value.errors[0].message


def test_the_same_person_cannot_take_two_roles_in_one_team():
    both = person([Role.SUBDISTRICT_COORDINATOR, Role.VOLUNTEER_LEADER], [TAMBON], pid="p")
    with pytest.raises(ValidationFailed) as failure:
        Team.form(
            "Smile",
            [TAMBON],
            [seat(Role.VOLUNTEER_LEADER, both), seat(Role.SUBDISTRICT_COORDINATOR, both)],
            NOW,
        )
    assert fields_of(failure) == ["members.1.person_id"]


def test_a_person_may_serve_in_several_teams():
    shared = expert()
    one = Team.form("A", [TAMBON], [seat(Role.DISTRICT_EXPERT, shared)], NOW)
    two = Team.form("B", [OTHER_TAMBON], [seat(Role.DISTRICT_EXPERT, shared)], NOW)
    assert shared.id in one.member_ids and shared.id in two.member_ids


@pytest.mark.parametrize(
    "coverage, field",
    [
        ([], "coverage"),
        (["2401"], "coverage.0"),
        (["249999"], "coverage.0"),
        ([TAMBON, TAMBON], "coverage.1"),
    ],
)
def test_coverage_is_one_or_more_real_sub_districts(coverage, field):
    with pytest.raises(ValidationFailed) as failure:
        Team.form("Smile", coverage, [], NOW)
    assert fields_of(failure) == [field]


def test_a_member_leaving_makes_the_team_incomplete():
    left, role = full_team().leave("co")
    assert role == Role.SUBDISTRICT_COORDINATOR and left.status == "forming"
    assert left.missing_roles == [Role.SUBDISTRICT_COORDINATOR] and left.version == 2
    with pytest.raises(ValidationFailed):
        left.leave("co")


def test_coverage_may_not_move_away_from_a_member():
    team = full_team(coverage=(TAMBON, OTHER_TAMBON))
    members = {"vl": leader(), "co": coordinator(), "ex": expert()}
    assert team.changed("Renamed", [TAMBON], members).coverage == (TAMBON,)
    with pytest.raises(ValidationFailed) as failure:
        team.changed(
            "Renamed", [OTHER_TAMBON], members
        )  # the leader and coordinator live in 240101
    assert set(fields_of(failure)) == {"coverage"}


def test_a_team_covers_villages_of_its_sub_districts():
    team = full_team()
    assert team.covers("24010105") and team.covers(TAMBON) and not team.covers("24010201")
