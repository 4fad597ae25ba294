"""Reading assignments: one household's team and history, and lists of known households."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from infra.caller import Caller
from infra.errors import NotFound
from infra.reach import any_of, touching
from services.teams.db import TeamsUnitOfWork
from services.teams.db.households import assignments, known_households
from services.teams.db.teams import team_members
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
    where = [_visible(caller)]
    if query["area"]:
        where.append(known_households.c.village_code.startswith(query["area"]))
    if query["team_id"]:
        where.append(assignments.c.team_id == query["team_id"])
    if query["unassigned"]:
        where.append(assignments.c.team_id.is_(None))
    with uow:
        return uow.assignments.list(where, query["after"], query["limit"])


def _visible(caller: Caller) -> Any:
    readable = policy.readable_areas(caller)
    if readable is None:
        return known_households.c.id.is_not(None)
    mine = select(team_members.c.team_id).where(team_members.c.person_id == caller.person_id)
    return any_of(
        [touching(known_households.c.village_code, readable, 8), assignments.c.team_id.in_(mine)]
    )
