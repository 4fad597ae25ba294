"""Upkeep across households: a person moves to another household, a household moves away, a
duplicate merges into the household it duplicates. Both households of a move or a merge are
versioned: the one in the path by If-Match, the other by the version in the body."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller, Role
from infra.errors import NotFound, ValidationFailed
from infra.versions import require_version
from services.households.dates import today
from services.households.db import HouseholdsUnitOfWork
from services.households.domain import relocation
from services.households.domain.household import Household
from services.households.domain.policy import REGISTRARS, STAGE_CHANGERS
from services.households.upkeep_events import (
    HOUSEHOLD_MEMBER_MOVED,
    HOUSEHOLD_MERGED,
    HOUSEHOLD_MOVED_AWAY,
)
from services.households.usecases.audit import household_values, record_household
from services.households.usecases.commands import MergeHousehold, MoveAway, MoveMember
from services.households.usecases.common import save_case, visible_household, workable_household
from services.households.usecases.members import TAKEN, emit, save


def move_member(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: MoveMember,
    expected_version: int | None,
    now: datetime,
) -> Household:
    """The member leaves this household (kept in its history) and joins the other one."""
    with uow, uow.if_taken(TAKEN):
        source, target = _pair(
            uow, caller, (household_id, command.to_household_id), REGISTRARS, "to_household_id"
        )
        _versions(source, expected_version, target, command.to_version)
        befores = household_values(source), household_values(target)
        departure, joined = relocation.move_member(
            source, target, command.member, command.moved_on, today(now), command.new_head
        )
        uow.members.leave(source.id, departure)  # frees the national ID before it is taken again
        uow.members.add(target.id, [joined])
        uow.members.mark_head(source)
        emit(
            uow,
            HOUSEHOLD_MEMBER_MOVED,
            source,
            caller,
            now,
            member_number=command.member,
            moved_on=command.moved_on,
            head_number=source.head.number,
            to_household_id=target.id,
            to_village_code=target.village_code,
            to_team_id=target.team_id,
            to_member_number=joined.number,
            to_member_count=target.household_size,
        )
        save_case(uow, target)
        record_household(uow, caller, target, "member_moved_in", befores[1], now, command.reason)
        save(uow, caller, source, "member_moved_out", befores[0], now, command.reason)
    return source


def move_away(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: MoveAway,
    expected_version: int | None,
    now: datetime,
) -> Household:
    """The whole household left: its case closes as moved (stage `moved`)."""
    with uow:
        household = workable_household(uow, caller, household_id, STAGE_CHANGERS)
        require_version(household.version, expected_version, "household")
        before = household_values(household)
        destination = command.destination_area_code
        relocation.move_away(
            household,
            command.moved_on,
            destination,
            caller.person_id,
            command.reason,
            now,
            today(now),
        )
        extra = {"moved_on": command.moved_on, "destination_area_code": destination}
        emit(uow, HOUSEHOLD_MOVED_AWAY, household, caller, now, **extra)
        save(uow, caller, household, "moved_away", before, now, command.reason)
    return household


def merge_household(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: MergeHousehold,
    expected_version: int | None,
    now: datetime,
) -> Household:
    """The duplicate closes as merged; its members join the survivor, and its visits,
    interventions, loans and plans become the survivor's."""
    into = command.into_household_id
    with uow:
        duplicate, survivor = _pair(
            uow, caller, (household_id, into), STAGE_CHANGERS, "into_household_id"
        )
        _versions(duplicate, expected_version, survivor, command.into_version)
        befores = household_values(duplicate), household_values(survivor)
        joined = relocation.merge(duplicate, survivor, caller.person_id, command.reason, now)
        save_case(uow, duplicate)  # its members' rows stop holding their national IDs first
        uow.members.add(survivor.id, joined)
        uow.members.move_records(duplicate.id, survivor.id)
        emit(
            uow,
            HOUSEHOLD_MERGED,
            duplicate,
            caller,
            now,
            into_household_id=survivor.id,
            into_village_code=survivor.village_code,
            into_team_id=survivor.team_id,
            into_member_count=survivor.household_size,
            members_joined=len(joined),
        )
        save_case(uow, survivor)
        record_household(uow, caller, duplicate, "merged", befores[0], now, command.reason)
        merged_from = f"merged from household {duplicate.id}: {command.reason}"
        record_household(uow, caller, survivor, "merged_from", befores[1], now, merged_from)
        uow.commit()
    return duplicate


def _pair(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    ids: tuple[str, str],
    roles: tuple[Role, ...],
    field: str,
) -> tuple[Household, Household]:
    """The household in the path and the other one, locked in the order of their ids (two
    moves in opposite directions wait for each other rather than deadlock)."""
    household_id, other_id = ids
    visible_household(uow, caller, household_id)  # 404 before anything is said of the other
    if other_id == household_id:
        raise ValidationFailed.on(field, "name another household")
    loaded: dict[str, Household] = {}
    for key in sorted((household_id, other_id)):
        if key == household_id:
            loaded[key] = workable_household(uow, caller, key, roles)
        else:
            loaded[key] = _other(uow, caller, key, field)
    return loaded[household_id], loaded[other_id]


def _other(uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, field: str) -> Household:
    try:
        return visible_household(uow, caller, household_id, for_update=True)
    except NotFound:
        raise ValidationFailed.on(field, "no such household within your reach") from None


def _versions(
    household: Household,
    expected: int | None,
    other: Household,
    other_expected: int,
) -> None:
    require_version(household.version, expected, "household")
    require_version(other.version, other_expected, "other household")
