"""Reading assignments: one household's team and history, and lists of known households."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.errors import NotFound
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.households import KnownHouseholdFilter
from services.teams.domain import policy


def get_assignment(uow: TeamsUnitOfWork, caller: Caller, household_id: str) -> dict[str, Any]:
    with uow:
        household = uow.households.get(household_id)
        assignment = uow.assignments.get(household_id)
        team = uow.teams.get(assignment.team_id) if assignment else None
        member = team is not None and caller.person_id in team.member_ids
        if household is None or not (policy.reads_area(caller, [household.village_code]) or member):
            raise NotFound(f"household {household_id} not found")
        return {
            "household": household,
            "assignment": assignment,
            "history": uow.assignments.history(household_id),
        }


def list_households(
    uow: TeamsUnitOfWork, caller: Caller, query: dict[str, Any]
) -> tuple[list[Any], str | None]:
    """Known households the caller sees, with their team (if any)."""
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = KnownHouseholdFilter(
        area=query["area"], team_id=query["team_id"], unassigned=query["unassigned"]
    )
    with uow:
        return uow.assignments.list(reach, where, query["after"], query["limit"])
