"""Household upkeep use cases: a member joins or leaves, the head changes. Each is a versioned
change of the household (If-Match) with its event and its audit entry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.envelope import EventContract
from infra.errors import Conflict, FieldError
from infra.versions import require_version
from services.households.dates import today
from services.households.db import HouseholdsUnitOfWork
from services.households.domain import members as rules
from services.households.domain.household import Household, Member
from services.households.domain.policy import REGISTRARS
from services.households.upkeep_events import (
    HOUSEHOLD_HEAD_CHANGED,
    HOUSEHOLD_MEMBER_ADDED,
    HOUSEHOLD_MEMBER_REMOVED,
)
from services.households.usecases.audit import household_values, record_household
from services.households.usecases.commands import AddMember, ChangeHead, RemoveMember
from services.households.usecases.common import save_case, teamed, workable_household

ALREADY_REGISTERED = "already belongs to another active household"
WAS_DECEASED = "was recorded as deceased"
TAKEN = Conflict(
    f"the person {ALREADY_REGISTERED}", [FieldError("national_id", ALREADY_REGISTERED)]
)


def add_member(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: AddMember,
    expected_version: int | None,
    now: datetime,
) -> Household:
    """A person joins the household: not someone current in another household (move them
    instead), nor someone recorded as deceased."""
    with uow, uow.if_taken(TAKEN):  # a concurrent registration may take the ID at the insert
        household = changeable(uow, caller, household_id, expected_version)
        before = household_values(household)
        refuse_known_person(uow, command.national_id)
        added = rules.add_member(household, _member(command))
        uow.members.add(household.id, [added])
        if added.is_head:
            uow.members.mark_head(household)
        extra = {"member_number": added.number, "is_head": added.is_head}
        emit(uow, HOUSEHOLD_MEMBER_ADDED, household, caller, now, **extra)
        save(uow, caller, household, "member_added", before, now, command.reason)
    return household


def remove_member(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    number: int,
    command: RemoveMember,
    expected_version: int | None,
    now: datetime,
) -> Household:
    """A member moved out or died: kept in the household's history, no longer counted."""
    with uow:
        household = changeable(uow, caller, household_id, expected_version)
        before = household_values(household)
        departure = rules.remove_member(
            household, number, command.reason, command.left_on, today(now), command.new_head
        )
        uow.members.leave(household.id, departure)
        uow.members.mark_head(household)
        extra = {
            "member_number": number,
            "reason": command.reason,
            "left_on": command.left_on,
            "head_number": household.head.number,
        }
        emit(uow, HOUSEHOLD_MEMBER_REMOVED, household, caller, now, **extra)
        reason = command.reason if command.note is None else f"{command.reason}: {command.note}"
        save(uow, caller, household, "member_removed", before, now, reason)
    return household


def change_head(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: ChangeHead,
    expected_version: int | None,
    now: datetime,
) -> Household:
    with uow:
        household = changeable(uow, caller, household_id, expected_version)
        before = household_values(household)
        previous = household.head.number
        rules.change_head(household, command.member)
        uow.members.mark_head(household)
        extra = {"head_number": command.member, "previous_head_number": previous}
        emit(uow, HOUSEHOLD_HEAD_CHANGED, household, caller, now, **extra)
        save(uow, caller, household, "head_changed", before, now, command.reason)
    return household


def changeable(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, expected_version: int | None
) -> Household:
    household = workable_household(uow, caller, household_id, REGISTRARS)
    require_version(household.version, expected_version, "household")
    return household


def refuse_known_person(uow: HouseholdsUnitOfWork, national_id: str) -> None:
    """The same-person rule: one national ID is one person, current in one household."""
    if uow.households.national_ids_in_use([national_id]):
        raise TAKEN
    if uow.members.deceased(national_id):
        raise Conflict(f"the person {WAS_DECEASED}", [FieldError("national_id", WAS_DECEASED)])


def emit(
    uow: HouseholdsUnitOfWork,
    contract: EventContract,
    household: Household,
    caller: Caller,
    now: datetime,
    **extra: Any,
) -> None:
    data = {
        **teamed(household),
        "member_count": household.household_size,
        "changed_by": caller.person_id,
        "changed_at": now,
    }
    uow.emit(contract, {**data, **extra})


def save(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household: Household,
    action: str,
    before: dict[str, Any],
    now: datetime,
    reason: str | None,
) -> None:
    """Write the household at its next version with its audit entry, and commit."""
    save_case(uow, household)
    record_household(uow, caller, household, action, before, now, reason=reason)
    uow.commit()


def _member(command: AddMember) -> Member:
    return Member(
        command.first_name,
        command.last_name,
        command.national_id,
        command.is_head,
        command.birth_date,
        command.sex,
    )
