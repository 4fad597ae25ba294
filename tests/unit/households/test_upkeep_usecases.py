"""Household upkeep use cases with the fake unit of work: versions, events, audit entries, the
same-person rule and who may do what. No database, no broker."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from infra.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from services.households.domain.care import Visit
from services.households.domain.household import Departure, Member
from services.households.usecases import members, relocation
from services.households.usecases.commands import (
    AddMember,
    ChangeHead,
    MergeHousehold,
    MoveAway,
    MoveMember,
    RemoveMember,
)
from services.households.vocabulary import Stage
from tests.unit.households.factories import (
    COORDINATOR,
    ELSEWHERE,
    LEADER,
    NOW,
    SUPERVISOR,
    TEAM,
    case,
    national_id,
    plan,
)
from tests.unit.households.fakes import FakeUnitOfWork

TODAY = NOW.date()
JOINS = AddMember("Malee", "Jai", national_id(77), "born in the household")


def two_member_case(seed: int = 900, **changes: object):
    household = case(Stage.CARE, seed=seed, **changes)
    household.members = [*household.members, Member("Dao", "Jai", national_id(seed + 1), False)]
    household.members = [replace(m, number=i) for i, m in enumerate(household.members)]
    return household


def test_a_member_joins_at_the_next_version_with_event_and_audit_entry() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)

    answered = members.add_member(uow, COORDINATOR, household.id, JOINS, 3, NOW)

    stored = uow.households.cases.rows[household.id]
    assert answered.version == stored.version == 4 and stored.household_size == 4
    (added,) = uow.events("household_member_added")
    assert (added["member_number"], added["member_count"], added["team_id"]) == (1, 4, TEAM)
    assert national_id(77) not in str(added)  # no national ID in an event
    (entry,) = uow.audit.entries
    assert (entry.action, entry.reason) == ("member_added", "born in the household")
    assert "members" in entry.changes and "size" in entry.changes


def test_a_person_current_elsewhere_or_recorded_deceased_cannot_be_added() -> None:
    other = case(seed=77)
    gone = Departure(Member("Old", "Jai", national_id(78), False, number=5), "deceased", TODAY)
    household = replace(case(), departed=[gone])
    uow = FakeUnitOfWork().given(household, other)

    for seed in (77, 78):
        with pytest.raises(Conflict) as refused:
            members.add_member(
                uow,
                COORDINATOR,
                household.id,
                replace(JOINS, national_id=national_id(seed)),
                3,
                NOW,
            )
        assert [e.field for e in refused.value.errors] == ["national_id"]
    assert uow.published == [] and uow.audit.entries == []


def test_a_stale_version_another_district_and_a_volunteer_are_refused() -> None:
    household = case()
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(PreconditionFailed):
        members.add_member(uow, COORDINATOR, household.id, JOINS, 2, NOW)
    with pytest.raises(NotFound):
        members.add_member(uow, ELSEWHERE, household.id, JOINS, 3, NOW)
    with pytest.raises(Forbidden):
        members.add_member(uow, LEADER, household.id, JOINS, 3, NOW)
    assert uow.households.cases.rows[household.id].version == 3


def test_a_deceased_head_leaves_with_a_new_head_named() -> None:
    household = two_member_case()
    uow = FakeUnitOfWork().given(household)
    command = RemoveMember("deceased", TODAY, new_head=1, note="illness")

    members.remove_member(uow, COORDINATOR, household.id, 0, command, 3, NOW)

    stored = uow.households.cases.rows[household.id]
    assert stored.head.number == 1 and [d.reason for d in stored.departed] == ["deceased"]
    (removed,) = uow.events("household_member_removed")
    assert (removed["reason"], removed["head_number"], removed["left_on"]) == (
        "deceased",
        1,
        TODAY.isoformat(),
    )
    assert uow.audit.entries[0].reason == "deceased: illness"


def test_the_head_changes_with_its_event() -> None:
    household = two_member_case()
    uow = FakeUnitOfWork().given(household)

    members.change_head(
        uow, COORDINATOR, household.id, ChangeHead(1, "the father works away"), 3, NOW
    )

    assert uow.households.cases.rows[household.id].head.number == 1
    (changed,) = uow.events("household_head_changed")
    assert (changed["head_number"], changed["previous_head_number"]) == (1, 0)


def test_a_member_moves_to_another_household_both_versioned() -> None:
    source, target = two_member_case(), case(Stage.CARE, seed=500)
    uow = FakeUnitOfWork().given(source, target)
    command = MoveMember(1, target.id, 3, TODAY, "married into the other household")

    members_before = uow.households.cases.rows[target.id].household_size
    relocation.move_member(uow, COORDINATOR, source.id, command, 3, NOW)

    moved_from, moved_to = (uow.households.cases.rows[h.id] for h in (source, target))
    assert (moved_from.version, moved_to.version) == (4, 4)
    assert moved_to.household_size == members_before + 1
    assert national_id(901) in [m.national_id for m in moved_to.members]
    assert [d.to_household_id for d in moved_from.departed] == [target.id]
    (moved,) = uow.events("household_member_moved")
    assert moved["to_household_id"] == target.id and moved["to_member_number"] == 1
    assert {e.action for e in uow.audit.entries} == {"member_moved_in", "member_moved_out"}


def test_a_move_against_the_other_households_stale_version_or_beyond_reach_is_refused() -> None:
    source, target = two_member_case(), case(Stage.CARE, seed=500)
    uow = FakeUnitOfWork().given(source, target)
    with pytest.raises(PreconditionFailed):
        relocation.move_member(
            uow, COORDINATOR, source.id, MoveMember(1, target.id, 2, TODAY, "x"), 3, NOW
        )
    with pytest.raises(ValidationFailed) as refused:
        relocation.move_member(
            uow, COORDINATOR, source.id, MoveMember(1, "nowhere", 1, TODAY, "x"), 3, NOW
        )
    assert [e.field for e in refused.value.errors] == ["to_household_id"]
    assert uow.published == []


def test_a_household_that_moved_away_closes_its_case() -> None:
    household = case(Stage.CARE, next_visit_due=TODAY + timedelta(days=3))
    uow = FakeUnitOfWork().given(household)
    command = MoveAway(TODAY, "work in Bangkok", destination_area_code="1001")

    relocation.move_away(uow, SUPERVISOR, household.id, command, 3, NOW)

    stored = uow.households.cases.rows[household.id]
    assert stored.stage is Stage.MOVED and stored.next_visit_due is None
    assert uow.kinds() == ["household_moved_away", "case_stage_changed"]
    assert uow.events("household_moved_away")[0]["destination_area_code"] == "1001"
    assert uow.audit.entries[0].action == "moved_away"


def test_a_merge_moves_members_plans_and_visits_to_the_survivor() -> None:
    duplicate, survivor = two_member_case(seed=600), case(Stage.CARE, seed=700)
    old_plan = plan(duplicate, created_at=NOW - timedelta(days=40))
    new_plan = replace(plan(survivor), number=1)
    visit = Visit(duplicate.id, NOW - timedelta(days=5), "v", NOW, "fine", 3)
    uow = FakeUnitOfWork().given(duplicate, survivor, old_plan, new_plan, visit)
    command = MergeHousehold(survivor.id, 3, "registered twice")

    relocation.merge_household(uow, SUPERVISOR, duplicate.id, command, 3, NOW)

    closed, kept = (uow.households.cases.rows[h.id] for h in (duplicate, survivor))
    assert closed.stage is Stage.MERGED and closed.merged_into == survivor.id
    assert kept.household_size == 5 and kept.version == 4
    plans = {p.id: p for p in uow.plans.plans.rows.values()}
    assert (plans[old_plan.id].household_id, plans[old_plan.id].number) == (survivor.id, 1)
    assert plans[new_plan.id].number == 2  # the newest stays the latest
    assert uow.visits.visits.rows[visit.id].household_id == survivor.id
    (merged,) = uow.events("household_merged")
    assert (merged["into_household_id"], merged["members_joined"]) == (survivor.id, 2)
    assert [e.action for e in uow.audit.entries] == ["merged", "merged_from"]
