"""The data of the team events, from a team."""

from __future__ import annotations

from typing import Any

from infra.caller import SMILE_TEAM_ROLES, Role
from infra.unit_of_work import UnitOfWork
from services.teams.domain.team import Team
from services.teams.events import (
    TEAM_COMPLETED,
    TEAM_INCOMPLETE,
    TEAM_MEMBERSHIP_CHANGED,
)


def team_data(team: Team) -> dict[str, Any]:
    return {"team_id": team.id, "team_name": team.name, "coverage": list(team.coverage)}


def emit_membership(
    uow: UnitOfWork,
    before: Team | None,
    after: Team,
    change: str,
    person_id: str | None = None,
    role: Role | None = None,
) -> None:
    """`team_membership_changed`, then `team_completed` when the team has just become complete
    and `team_incomplete` when a member left (supervisors must hear)."""
    seats = {r.value: after.members.get(r) for r in SMILE_TEAM_ROLES}
    uow.emit(
        TEAM_MEMBERSHIP_CHANGED,
        {
            **team_data(after),
            "members": seats,
            "complete": after.complete,
            "change": change,
            "person_id": person_id,
            "role": role.value if role else None,
        },
    )
    if after.complete and not (before and before.complete):
        uow.emit(TEAM_COMPLETED, team_data(after))
    if change == "left":
        missing = [r.value for r in after.missing_roles]
        uow.emit(TEAM_INCOMPLETE, {**team_data(after), "missing_roles": missing})
