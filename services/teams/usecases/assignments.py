"""Assigning households to Smile Teams (one at a time, a whole village at once, reassigning) and
reading them (one household's team and history, lists of known households)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, NotFound, ValidationFailed
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.households import KnownHouseholdFilter
from services.teams.domain import assignment as rules
from services.teams.domain import policy
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.domain.team import Team
from services.teams.events import HOUSEHOLD_ASSIGNED, HOUSEHOLD_REASSIGNED
from services.teams.usecases.audit import record_assignment
from services.teams.usecases.commands.assignments import (
    AssignHousehold,
    AssignVillage,
    ListKnownHouseholds,
    ReassignHousehold,
)
from services.teams.usecases.teams import may_read

log = get_logger(__name__)
UNKNOWN_HOUSEHOLD = "not a household known here, or not in your areas"
# the loser of a race with a concurrent assignment of the same household
ASSIGNED_MEANWHILE = Conflict("the household was assigned meanwhile; reload and retry")


def assign(
    uow: TeamsUnitOfWork, caller: Caller, command: AssignHousehold, now: datetime
) -> Assignment:
    caller.require(*policy.ASSIGNERS)
    household_id = command.household_id
    with uow, uow.if_taken(ASSIGNED_MEANWHILE):
        household = _assignable(uow, caller, household_id)
        team = _team(uow, caller, command.team_id)
        existing = uow.assignments.get(household_id)
        if existing is not None and existing.team_id == team.id:
            return existing  # asked twice: already done
        if existing is not None:
            raise Conflict(
                "the household already has a team; reassign it with a reason",
                [FieldError("household_id", "already assigned to another team")],
            )
        assignment = rules.assign(household_id, household.village_code, team, caller.person_id, now)
        _add(uow, assignment)
        uow.commit()
    log.info("household.assigned", household_id=household_id, team_id=team.id)
    return assignment


def assign_village(
    uow: TeamsUnitOfWork, caller: Caller, command: AssignVillage, now: datetime
) -> dict[str, Any]:
    """Every known household of the village without a team goes to the team; others are listed."""
    caller.require(*policy.ASSIGNERS)
    village_code = command.village_code
    if not policy.assigns(caller, village_code):
        raise ValidationFailed.on("village_code", "not in your areas")
    with uow, uow.if_taken(ASSIGNED_MEANWHILE):
        team = _team(uow, caller, command.team_id)
        rules.check_takes(team, village_code, field="village_code")
        households = uow.households.in_village(village_code)
        existing = uow.assignments.of([h.id for h in households])
        assigned = []
        for household in households:
            if household.id not in existing:
                _add(uow, rules.assign(household.id, village_code, team, caller.person_id, now))
                assigned.append(household.id)
        uow.commit()
    log.info("village.assigned", village_code=village_code, team_id=team.id, count=len(assigned))
    skipped = [{"household_id": h, "team_id": a.team_id} for h, a in existing.items()]
    return {
        "team_id": team.id,
        "village_code": village_code,
        "assigned": assigned,
        "skipped": skipped,
    }


def reassign(
    uow: TeamsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: ReassignHousehold,
    expected_version: int | None,
    now: datetime,
) -> Assignment:
    caller.require(*policy.ASSIGNERS)
    with uow, uow.if_taken(ASSIGNED_MEANWHILE):
        before = uow.assignments.get(household_id)
        if before is None or not policy.assigns(caller, before.village_code):
            raise NotFound(f"assignment of household {household_id} not found")
        require_version(before.version, expected_version, "assignment")
        team = _team(uow, caller, command.team_id)
        after = rules.reassign(before, team, command.reason, caller.person_id, now)
        uow.assignments.save(after, before.team_id, command.reason.strip())
        uow.emit(HOUSEHOLD_REASSIGNED, _reassigned_event(before, after, command.reason))
        record_assignment(uow, before, after, command.reason.strip())
        uow.commit()
    log.info("household.reassigned", household_id=household_id, team_id=team.id)
    return after


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


def list_households(uow: TeamsUnitOfWork, caller: Caller, query: ListKnownHouseholds) -> Page[Any]:
    """Known households the caller sees, with their team (if any)."""
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = KnownHouseholdFilter(query.area, query.team_id, query.unassigned)
    with uow:
        return uow.assignments.list(reach, where, query.after, query.limit)


def _assignable(uow: TeamsUnitOfWork, caller: Caller, household_id: str) -> KnownHousehold:
    household = uow.households.get(household_id)
    if household is None or not policy.assigns(caller, household.village_code):
        raise ValidationFailed.on("household_id", UNKNOWN_HOUSEHOLD)
    return household


def _team(uow: TeamsUnitOfWork, caller: Caller, team_id: str) -> Team:
    team = uow.teams.get(team_id)
    if team is None or not may_read(caller, team):
        raise ValidationFailed.on("team_id", "no such team in your areas")
    return team


def _add(uow: TeamsUnitOfWork, assignment: Assignment) -> None:
    uow.assignments.add(assignment)
    record_assignment(uow, None, assignment)
    uow.emit(
        HOUSEHOLD_ASSIGNED,
        {
            "household_id": assignment.household_id,
            "team_id": assignment.team_id,
            "village_code": assignment.village_code,
            "assigned_by": assignment.assigned_by,
            "assigned_at": assignment.assigned_at,
        },
    )


def _reassigned_event(before: Assignment, after: Assignment, reason: str) -> dict[str, Any]:
    return {
        "household_id": after.household_id,
        "from_team_id": before.team_id,
        "to_team_id": after.team_id,
        "village_code": after.village_code,
        "reason": reason.strip(),
        "reassigned_by": after.assigned_by,
        "reassigned_at": after.assigned_at,
    }
