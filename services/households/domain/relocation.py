"""A household that moved away, a duplicate merged into the household it duplicates, and a person
moving from one household to another. The same-person rule holds throughout: one national ID is
one person, current in at most one open household."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from infra.errors import ValidationFailed
from services.households.domain import case
from services.households.domain.household import MAX_SIZE, Departure, Household, Member
from services.households.domain.members import (
    MOVED,
    add_member,
    check_day,
    next_number,
    remove_member,
    require_open,
)
from services.households.vocabulary import Stage


def move_away(
    household: Household,
    moved_on: date,
    destination: str | None,
    by: str,
    reason: str,
    now: datetime,
    today: date,
) -> None:
    """The whole household left the area: its case closes as moved (its members are free to be
    registered where they live now)."""
    check_day(household, moved_on, today, "moved_on")
    case.move(household, Stage.MOVED, by, reason, now, manual=True)
    household.moved_away_on, household.moved_to_area = moved_on, destination


def move_member(
    source: Household,
    target: Household,
    number: int,
    moved_on: date,
    today: date,
    new_head: int | None = None,
) -> tuple[Departure, Member]:
    """The member leaves `source` (kept in its history) and joins `target` as a member."""
    if source.id == target.id:
        raise ValidationFailed.on("to_household_id", "the member is already in this household")
    require_open(target, "to_household_id")
    departure = remove_member(source, number, MOVED, moved_on, today, new_head, target.id)
    joined = add_member(target, replace(departure.member, is_head=False, number=None))
    return departure, joined


def merge(
    duplicate: Household, survivor: Household, by: str, reason: str, now: datetime
) -> list[Member]:
    """The duplicate closes as merged into the survivor, whose members its members join (a person
    in both is one person, counted once); the survivor's head stays the head."""
    if duplicate.id == survivor.id:
        raise ValidationFailed.on("into_household_id", "a household cannot merge into itself")
    require_open(survivor, "into_household_id")
    present = {m.national_id for m in survivor.members}
    joining = [m for m in duplicate.members if m.national_id not in present]
    if survivor.household_size + len(joining) > MAX_SIZE:
        raise ValidationFailed.on("into_household_id", f"would hold more than {MAX_SIZE} people")
    case.move(duplicate, Stage.MERGED, by, reason, now, manual=True)
    duplicate.merged_into = survivor.id
    first = next_number(survivor)
    joined = [replace(m, is_head=False, number=first + i) for i, m in enumerate(joining)]
    survivor.size = survivor.household_size + len(joined)
    survivor.members = [*survivor.members, *joined]
    return joined
