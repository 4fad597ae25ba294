"""A duplicate household merged into another (households' `household_merged`): the duplicate's
case is closed here too, the surviving household becomes known, and the duplicate's team takes
the survivor when it has none (announced as an assignment, so the households service and
notifications follow). The duplicate's assignment stays as the record of a closed case, which no
caseload counts."""

from __future__ import annotations

from typing import Any

from infra.envelope import ReceivedEvent
from infra.logs import get_logger
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.events import HOUSEHOLD_ASSIGNED

log = get_logger(__name__)
MERGED = "merged"


def follow_merge(uow: TeamsUnitOfWork, event: ReceivedEvent) -> None:
    data = event.data
    duplicate, survivor = str(data["household_id"]), str(data["into_household_id"])
    with uow:
        if not uow.first_delivery(event):
            return
        for household_id in sorted((duplicate, survivor)):  # rows locked in one order
            _learn(uow, household_id, data, closed=household_id == duplicate)
        carried = _carry_assignment(uow, duplicate, survivor, data)
        uow.commit()
    log.info("household.merge_followed", household_id=duplicate, team_carried=carried)


def _learn(uow: TeamsUnitOfWork, household_id: str, data: dict[str, Any], closed: bool) -> None:
    known = uow.households.get(household_id, for_update=True)
    village = data["village_code"] if closed else data["into_village_code"]
    base = known or KnownHousehold(household_id, village)
    after = base.staged(MERGED, data["changed_at"]) if closed else base
    if known is None or after != known:
        uow.households.put(after, existed=known is not None)


def _carry_assignment(
    uow: TeamsUnitOfWork, duplicate: str, survivor: str, data: dict[str, Any]
) -> bool:
    """The duplicate's team takes the survivor, if it has no team and the team may take it."""
    old = uow.assignments.get(duplicate)
    if old is None or uow.assignments.get(survivor) is not None:
        return False
    team = uow.teams.get(old.team_id)
    village = data["into_village_code"]
    if team is None or not team.complete or not team.covers(village):
        return False
    carried = Assignment(survivor, village, team.id, data["changed_by"], data["changed_at"])
    uow.assignments.add(carried, reason=f"merged from household {duplicate}")
    uow.emit(
        HOUSEHOLD_ASSIGNED,
        {
            "household_id": survivor,
            "team_id": team.id,
            "village_code": village,
            "assigned_by": carried.assigned_by,
            "assigned_at": carried.assigned_at,
        },
    )
    return True
