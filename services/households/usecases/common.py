"""What every households use case needs: loading a visible case, announcing moves."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller, Role
from infra.errors import NotFound
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.household import Household
from services.households.domain.policy import can_see
from services.households.events import CASE_STAGE_CHANGED


def visible_household(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, *, for_update: bool = False
) -> Household:
    """The household, or NotFound when it does not exist or lies outside the caller's reach."""
    household = uow.households.get(household_id, for_update=for_update)
    if household is None or not can_see(caller, household.village_code, household.team_id):
        raise NotFound(f"household {household_id} not found")
    return household


def workable_household(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, roles: tuple[Role, ...]
) -> Household:
    """A visible household the caller may change (Forbidden when only allowed to look)."""
    household = visible_household(uow, caller, household_id, for_update=True)
    caller.require(*roles)
    return household


def save_case(uow: HouseholdsUnitOfWork, household: Household) -> None:
    """Announce each recorded move, then write the case (version checked and bumped)."""
    for move in household.new_transitions:
        uow.emit(
            CASE_STAGE_CHANGED,
            {
                "household_id": household.id,
                "village_code": household.village_code,
                "team_id": household.team_id,
                "from_stage": move.from_stage.value,
                "to_stage": move.to_stage.value,
                "changed_by": move.changed_by,
                "reason": move.reason,
                "changed_at": move.changed_at,
            },
        )
    household.version += 1  # the new version: the row is written while it holds the one before
    uow.households.save(household)


def ref(household: Household) -> dict[str, Any]:
    return {"household_id": household.id, "village_code": household.village_code}


def teamed(household: Household) -> dict[str, Any]:
    return {**ref(household), "team_id": household.team_id}
