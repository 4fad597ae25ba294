"""Who lists whom (SQLite and PostgreSQL): the same people one could open one by one, never
everyone because a role has no area reach."""

import pytest

from infra.caller import Role
from infra.commands import command_of
from services.teams.usecases import people
from services.teams.usecases.commands.people import ListPeople
from tests.integration.teams.world import ADMIN, as_caller, register

HERE, ELSEWHERE = "24010101", "20010101"
NO_AREA_REACH = [Role.VOLUNTEER_LEADER, Role.SAVINGS_GROUP_OFFICER, Role.TRAINER]


def listed(uow, caller, **query):
    found, _ = people.list_people(uow, caller, command_of(ListPeople, {"limit": 100, **query}))
    return sorted(p.profile.username for p in found)


@pytest.fixture
def world(uow):
    register(uow, "near", Role.VOLUNTEER_LEADER, [HERE])
    register(uow, "far", Role.VOLUNTEER_LEADER, [ELSEWHERE])
    register(uow, "far.coordinator", Role.SUBDISTRICT_COORDINATOR, [ELSEWHERE[:6]])
    return uow


@pytest.mark.parametrize("role", NO_AREA_REACH)
def test_a_role_without_area_reach_lists_only_itself(world, role):
    me = as_caller(register(world, "me.myself", role, [HERE]))
    assert listed(world, me) == ["me.myself"]
    assert listed(world, me, area=ELSEWHERE) == []
    assert listed(world, me, area=ELSEWHERE[:2]) == []
    assert listed(world, me, role="volunteer_leader") == (
        ["me.myself"] if role is Role.VOLUNTEER_LEADER else []
    )


def test_an_area_reader_lists_the_people_inside_its_areas_and_itself(world):
    me = as_caller(register(world, "expert", Role.DISTRICT_EXPERT, [HERE[:4]]))
    assert listed(world, me) == ["expert", "near"]
    assert listed(world, me, area=ELSEWHERE[:4]) == []


def test_administrators_list_everyone(world):
    assert listed(world, ADMIN) == ["far", "far.coordinator", "near"]


def test_a_name_search_matches_part_of_the_name_or_username_within_the_reach(world):
    register(world, "somchai.k", Role.VOLUNTEER_LEADER, [HERE], display_name="สมชาย ใจดี")
    register(world, "percent", Role.VOLUNTEER_LEADER, [HERE], display_name="100% Sure")
    assert listed(world, ADMIN, name="ใจดี") == ["somchai.k"]  # Thai, inside the display name
    assert listed(world, ADMIN, name="SOMCHAI") == ["somchai.k"]  # the username, any case
    assert listed(world, ADMIN, name="FAR") == ["far", "far.coordinator"]
    assert listed(world, ADMIN, name="%") == ["percent"]  # a wildcard is a plain character
    me = as_caller(register(world, "expert", Role.DISTRICT_EXPERT, [HERE[:4]]))
    assert listed(world, me, name="far") == []  # never past what the caller may list
