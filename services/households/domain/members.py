"""Household upkeep: members join and leave, the head changes, a person moves to another
household. Rules: the head is always exactly one current member, a member who left is kept in
the household's history but no longer counted, the size follows the members (never below those
named), a day of leaving is neither in the future nor before the household was registered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from infra.errors import Conflict, FieldError, NotFound, ValidationFailed
from services.households.domain.household import (
    MAX_SIZE,
    Departure,
    Household,
    Member,
    member_problems,
)
from services.households.domain.stages import END_STATES

MOVED_OUT, DECEASED, MOVED = "moved_out", "deceased", "moved"
REMOVAL_REASONS = (MOVED_OUT, DECEASED)


def require_open(household: Household, field: str | None = None) -> None:
    """Members change only while the case is open (not declined, moved, deceased or merged)."""
    if household.stage in END_STATES:
        if field is not None:
            raise ValidationFailed.on(field, "the household's case is closed")
        raise Conflict(
            f"the members of a case in stage {household.stage.value} do not change",
            allowed=[],
            stage=household.stage.value,
        )


def add_member(household: Household, member: Member) -> Member:
    """The member joins with the next number; joining as head makes the old head a member."""
    require_open(household)
    if household.household_size >= MAX_SIZE:
        raise ValidationFailed.on("members", f"a household has at most {MAX_SIZE} people")
    added = replace(member, number=next_number(household))
    members = [replace(m, is_head=False) if added.is_head else m for m in household.members]
    problems = member_problems([*members, added], household.registered_at.date())
    if problems:
        raise ValidationFailed("the member cannot be added as given", _as_member(problems))
    household.size = household.household_size + 1
    household.members = [*members, added]
    return added


def remove_member(
    household: Household,
    number: int,
    reason: str,
    left_on: date,
    today: date,
    new_head: int | None = None,
    to_household_id: str | None = None,
) -> Departure:
    """The member leaves (moved out, deceased or moved to another household); a leaving head
    names the member who heads the household from now on."""
    require_open(household)
    if reason not in (*REMOVAL_REASONS, MOVED):
        raise ValidationFailed.on("reason", "must be moved_out or deceased")
    check_day(household, left_on, today, "left_on")
    leaving = member_numbered(household, number)
    if len(household.members) == 1:
        raise Conflict("the last member cannot leave: record the household as moved away")
    staying = [m for m in household.members if m.number != number]
    if leaving.is_head:
        staying = _headed(staying, new_head)
    elif new_head is not None:
        raise ValidationFailed.on("new_head", "only a leaving head names a new head")
    departure = Departure(replace(leaving, is_head=False), reason, left_on, to_household_id)
    household.size = max(len(staying), household.household_size - 1)
    household.members = staying
    household.departed = [*household.departed, departure]
    return departure


def change_head(household: Household, number: int) -> Member:
    """Another current member becomes the head."""
    require_open(household)
    if member_numbered(household, number).is_head:
        raise ValidationFailed.on("member", "already the head of the household")
    household.members = _headed(household.members, number, field="member")
    return household.head


def member_numbered(household: Household, number: int) -> Member:
    found = next((m for m in household.members if m.number == number), None)
    if found is None:
        raise NotFound(f"member {number} not found")
    return found


def next_number(household: Household) -> int:
    numbers = [m.number or 0 for m in household.members]
    numbers += [d.member.number or 0 for d in household.departed]
    return max(numbers, default=-1) + 1


def check_day(household: Household, day: date, today: date, field: str) -> None:
    """A day that has passed, and not before the household was registered."""
    if day > today:
        raise ValidationFailed.on(field, "must not be in the future")
    if day < household.registered_at.date():
        raise ValidationFailed.on(field, "must not be before the household was registered")


def _headed(members: list[Member], number: int | None, field: str = "new_head") -> list[Member]:
    if number is None:
        raise ValidationFailed.on(field, "name the member who becomes the head")
    if not any(m.number == number for m in members):
        raise ValidationFailed.on(field, "not a current member of the household")
    return [replace(m, is_head=m.number == number) for m in members]


def _as_member(problems: list[FieldError]) -> list[FieldError]:
    """Problems of the new member as fields of its payload (the others were checked before)."""
    return [
        replace(p, field=p.field.split(".", 2)[-1] if "." in p.field else "national_id")
        for p in problems
    ]
