"""Household upkeep rules in plain Python: members join and leave, the head changes, a person
moves, a household moves away or merges. The invariant (one head among the current members, the
size at least the members named) is checked over random sequences of changes."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infra.errors import Conflict, NotFound, ValidationFailed
from services.households.domain import members as rules
from services.households.domain import relocation
from services.households.domain.household import MAX_SIZE, Household, Member
from services.households.vocabulary import Stage
from tests.unit.households.factories import NOW, case, national_id

TODAY = NOW.date()


def person(seed: int, head: bool = False) -> Member:
    return Member("Malee", "Dee", national_id(seed), head)


def household(*seeds: int, size: int | None = None) -> Household:
    """Registered 60 days ago: the first seed heads it."""
    members = [person(seed, i == 0) for i, seed in enumerate(seeds)]
    return Household.register("24010101", members, NOW - timedelta(days=60), size=size)


def fields_of(error: ValidationFailed) -> list[str]:
    return [e.field for e in error.errors]


def test_a_member_joins_with_the_next_number_and_the_size_grows() -> None:
    home = household(1, 2, size=4)

    added = rules.add_member(home, person(3))

    assert added.number == 2 and [m.number for m in home.members] == [0, 1, 2]
    assert home.household_size == 5


def test_joining_as_head_makes_the_old_head_a_member() -> None:
    home = household(1, 2)
    rules.add_member(home, person(3, head=True))
    assert [m.is_head for m in home.members] == [False, False, True]


def test_a_member_who_left_stays_in_history_uncounted_and_keeps_their_number() -> None:
    home = household(1, 2, 3)

    departure = rules.remove_member(home, 1, "moved_out", TODAY, TODAY)

    assert [m.number for m in home.members] == [0, 2] and home.household_size == 2
    assert departure.member.number == 1 and home.departed == [departure]
    assert rules.add_member(home, person(4)).number == 3  # never the number of one who left


def test_a_leaving_head_names_the_new_head() -> None:
    home = household(1, 2, 3)
    with pytest.raises(ValidationFailed) as refused:
        rules.remove_member(home, 0, "deceased", TODAY, TODAY)
    assert fields_of(refused.value) == ["new_head"]

    rules.remove_member(home, 0, "deceased", TODAY, TODAY, new_head=2)

    assert home.head.number == 2 and home.departed[0].reason == "deceased"


def test_only_a_leaving_head_names_a_new_head() -> None:
    with pytest.raises(ValidationFailed) as refused:
        rules.remove_member(household(1, 2, 3), 1, "moved_out", TODAY, TODAY, new_head=2)
    assert fields_of(refused.value) == ["new_head"]


def test_the_last_member_cannot_leave() -> None:
    with pytest.raises(Conflict):
        rules.remove_member(household(1), 0, "moved_out", TODAY, TODAY)


@pytest.mark.parametrize(
    "day", [TODAY + timedelta(days=1), TODAY - timedelta(days=61), date(1, 1, 1)]
)
def test_a_day_of_leaving_in_the_future_or_before_registration_is_refused(day: date) -> None:
    with pytest.raises(ValidationFailed) as refused:
        rules.remove_member(household(1, 2), 1, "moved_out", day, TODAY)
    assert fields_of(refused.value) == ["left_on"]


def test_an_unknown_member_or_one_who_left_is_not_found() -> None:
    home = household(1, 2, 3)
    rules.remove_member(home, 2, "moved_out", TODAY, TODAY)
    for number in (2, 7):
        with pytest.raises(NotFound):
            rules.change_head(home, number)


def test_the_head_changes_to_another_current_member_only() -> None:
    home = household(1, 2)
    assert rules.change_head(home, 1).number == 1
    with pytest.raises(ValidationFailed) as refused:
        rules.change_head(home, 1)
    assert fields_of(refused.value) == ["member"]


def test_a_person_cannot_join_twice_nor_a_full_household() -> None:
    with pytest.raises(ValidationFailed) as refused:
        rules.add_member(household(1, 2), person(2))
    assert fields_of(refused.value) == ["national_id"]
    with pytest.raises(ValidationFailed):
        rules.add_member(household(1, size=MAX_SIZE), person(2))


def test_members_of_a_closed_case_do_not_change() -> None:
    closed = case(Stage.MOVED)
    with pytest.raises(Conflict):
        rules.add_member(closed, person(5))


def test_a_moving_member_leaves_one_household_and_joins_the_other_as_a_member() -> None:
    source, target = household(1, 2), household(3, 4)

    departure, joined = relocation.move_member(source, target, 0, TODAY, TODAY, new_head=1)

    assert departure.reason == "moved" and departure.to_household_id == target.id
    assert source.head.number == 1 and source.household_size == 1
    assert joined.national_id == national_id(1) and not joined.is_head
    assert target.household_size == 3 and target.head.national_id == national_id(3)


def test_a_household_that_moved_away_closes_with_the_day_and_destination() -> None:
    home = household(1, 2)
    relocation.move_away(home, TODAY, "1001", "someone", "left for Bangkok", NOW, TODAY)
    assert home.stage is Stage.MOVED and home.moved_away_on == TODAY
    assert home.moved_to_area == "1001" and home.next_visit_due is None


def test_a_merge_closes_the_duplicate_and_counts_a_person_in_both_once() -> None:
    duplicate, survivor = household(1, 2), household(3, 4)
    survivor.stage = duplicate.stage = Stage.CARE
    duplicate.members[0] = replace(duplicate.members[0], national_id=national_id(3))

    joined = relocation.merge(duplicate, survivor, "someone", "registered twice", NOW)

    assert [m.national_id for m in joined] == [national_id(2)]
    assert duplicate.stage is Stage.MERGED and duplicate.merged_into == survivor.id
    assert survivor.household_size == 3 and survivor.head.national_id == national_id(3)
    assert [m.number for m in survivor.members] == [0, 1, 2]


def test_a_household_cannot_merge_into_itself_nor_into_a_closed_case() -> None:
    home = household(1)
    with pytest.raises(ValidationFailed):
        relocation.merge(home, home, "someone", "twice", NOW)
    with pytest.raises(ValidationFailed):
        relocation.merge(home, case(Stage.MERGED), "someone", "twice", NOW)


CHANGES = st.lists(
    st.tuples(
        st.sampled_from(["add", "add_head", "remove", "head"]),
        st.integers(0, 12),
        st.sampled_from(["moved_out", "deceased"]),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(changes=CHANGES, size=st.integers(2, 6))
def test_any_sequence_of_changes_keeps_one_head_and_a_size_that_counts_the_members(
    changes: list[tuple[str, int, str]], size: int
) -> None:
    home, seed = household(1, 2, size=size), 100
    for kind, number, reason in changes:
        seed += 1
        with suppress(ValidationFailed, Conflict, NotFound):  # refused: nothing changed
            _apply(home, kind, number, reason, seed)
        current = [m.national_id for m in home.members]
        assert sum(m.is_head for m in home.members) == 1
        assert len(set(current)) == len(current)
        assert len(current) <= home.household_size <= MAX_SIZE
        assert not {d.member.national_id for d in home.departed} & set(current)
        numbers = [m.number for m in home.members] + [d.member.number for d in home.departed]
        assert len(set(numbers)) == len(numbers)


def _apply(home: Household, kind: str, number: int, reason: str, seed: int) -> None:
    if kind.startswith("add"):
        rules.add_member(home, person(seed, head=kind == "add_head"))
    elif kind == "remove":
        others = [m.number for m in home.members if not m.is_head]
        rules.remove_member(home, number, reason, TODAY, TODAY, others[0] if others else None)
    else:
        rules.change_head(home, number)
