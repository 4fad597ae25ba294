"""Household upkeep on the migrated database (SQLite and PostgreSQL): members' rows as they join
and leave, the unique index on current national IDs across a move and a merge, the records a
merge re-points, a household that moved away."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from infra.caller import Caller
from infra.commands import command_of
from infra.errors import Conflict
from infra.validation import load
from services.households.db.tables import members as member_rows
from services.households.domain.care import Visit
from services.households.domain.plan import Plan
from services.households.schemas.registry import RegisterHousehold as RegisterHouseholdSchema
from services.households.usecases import history, registry, relocation
from services.households.usecases import members as upkeep
from services.households.usecases.commands import (
    AddMember,
    MergeHousehold,
    MoveAway,
    MoveMember,
    RegisterHousehold,
    RemoveMember,
)
from services.households.vocabulary import Stage
from tests.integration.helpers import national_id
from tests.integration.households.support import COORDINATOR, SUPERVISOR, household, rows

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 21)
WHO, BOSS = Caller.from_dict(COORDINATOR), Caller.from_dict(SUPERVISOR)


def register(uow, seed: int) -> str:
    command = command_of(RegisterHousehold, load(RegisterHouseholdSchema, household(seed)))
    return str(registry.register_household(uow, WHO, command, NOW)["id"])


def read(uow, household_id: str):
    with uow:
        return uow.households.get(household_id)


def test_members_join_and_leave_and_the_rows_keep_who_left(uow, migrated):
    home = register(uow, 801)
    joins = AddMember("Dao", "Dee", national_id(802), "born in the household", is_head=True)
    upkeep.add_member(uow, WHO, home, joins, 1, NOW)
    leaves = RemoveMember("deceased", TODAY, new_head=1)
    upkeep.remove_member(uow, WHO, home, 2, leaves, 2, NOW + timedelta(hours=1))

    stored = read(uow, home)
    assert [(m.number, m.is_head) for m in stored.members] == [(0, False), (1, True)]
    assert [(d.member.number, d.reason, d.left_on) for d in stored.departed] == [
        (2, "deceased", TODAY)
    ]
    assert stored.household_size == 3 and stored.version == 3
    again = replace(joins, national_id=national_id(802), is_head=False)
    with pytest.raises(Conflict):  # the deceased are not added again
        upkeep.add_member(uow, WHO, home, again, 3, NOW)
    found = history.household_history(uow, WHO, home, None, 50)
    assert [e.action for e in found.items] == ["member_removed", "member_added", "registered"]


def test_a_moved_member_holds_one_current_row_and_can_be_moved_back(uow, migrated):
    source, target = register(uow, 811), register(uow, 812)
    moving = national_id(811 + 50_000)
    relocation.move_member(uow, WHO, source, MoveMember(1, target, 1, TODAY, "married"), 1, NOW)

    current = rows(migrated, member_rows, member_rows.c.national_id == moving)
    assert sorted((r.household_id, r.active, r.left_reason) for r in current) == sorted(
        [(source, False, "moved"), (target, True, None)]
    )
    back = MoveMember(2, source, 2, TODAY, "divorced")
    relocation.move_member(uow, WHO, target, back, 2, NOW + timedelta(hours=1))
    assert [m.national_id for m in read(uow, source).members] == [national_id(811), moving]


def test_a_person_current_in_another_household_is_refused_and_nothing_is_written(uow):
    home, other = register(uow, 821), register(uow, 822)
    taken = AddMember("Somchai", "Dee", national_id(822), "moved in")
    with pytest.raises(Conflict):
        upkeep.add_member(uow, WHO, home, taken, 1, NOW)
    assert read(uow, home).version == 1 and read(uow, other).version == 1


def test_a_merge_moves_members_plans_and_visits_and_frees_nobody_twice(uow, migrated):
    duplicate, survivor = register(uow, 831), register(uow, 832)
    with uow:
        uow.plans.add(Plan(duplicate, 1, "someone", NOW - timedelta(days=9)))
        uow.plans.add(Plan(survivor, 1, "someone", NOW - timedelta(days=2)))
        uow.visits.add(Visit(duplicate, NOW - timedelta(days=3), "v", NOW, "fine", 3))
        uow.commit()

    command = MergeHousehold(survivor, 1, "the same family registered twice")
    relocation.merge_household(uow, BOSS, duplicate, command, 1, NOW)

    closed, kept = read(uow, duplicate), read(uow, survivor)
    assert closed.stage is Stage.MERGED and closed.merged_into == survivor
    assert len(kept.members) == 4 and kept.household_size == 5
    assert kept.head.national_id == national_id(832)
    with uow:
        plans = uow.plans.all_of(survivor)
        assert [(p.created_at, p.number) for p in plans] == [
            (NOW - timedelta(days=9), 1),
            (NOW - timedelta(days=2), 2),
        ]
        assert uow.plans.all_of(duplicate) == []
        assert len(uow.visits.recent(survivor, 10)) == 1
    active = rows(migrated, member_rows, member_rows.c.active.is_(True))
    ids = [r.national_id for r in active if r.household_id in (duplicate, survivor)]
    assert len(ids) == len(set(ids)) == 4


def test_a_household_that_moved_away_frees_its_members_to_register_elsewhere(uow):
    home = register(uow, 841)
    command = MoveAway(TODAY, "work in Bangkok", destination_area_code="1001")
    relocation.move_away(uow, BOSS, home, command, 1, NOW)

    stored = read(uow, home)
    assert (stored.stage, stored.moved_away_on, stored.moved_to_area) == (
        Stage.MOVED,
        TODAY,
        "1001",
    )
    assert register(uow, 841) != home  # the same people, registered again where they live now
