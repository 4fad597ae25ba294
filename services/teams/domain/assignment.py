"""Assigning households to Smile Teams: a complete team covering the household's area; each
household has at most one team; a reassignment says why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.team import Team


@dataclass(frozen=True)
class Assignment:
    household_id: str
    village_code: str
    team_id: str
    assigned_by: str
    assigned_at: datetime
    version: int = 1


@dataclass(frozen=True)
class Load:
    """A candidate team with its open cases and its busiest member's open cases (all teams)."""

    team: Team
    open_cases: int
    busiest_member: int


def check_takes(team: Team, village_code: str, field: str = "household_id") -> None:
    """Refuse a forming team (409) or a household outside the team's coverage (422)."""
    if not team.complete:
        missing = ", ".join(r.value for r in team.missing_roles)
        raise Conflict(
            f"the team is still forming (missing: {missing}) and takes no households",
            [FieldError("team_id", "the team is not complete")],
        )
    if not team.covers(village_code):
        raise ValidationFailed.on(field, "lies outside the team's coverage")


def assign(household_id: str, village_code: str, team: Team, by: str, now: datetime) -> Assignment:
    check_takes(team, village_code)
    return Assignment(household_id, village_code, team.id, by, now)


def reassign(current: Assignment, team: Team, reason: str, by: str, now: datetime) -> Assignment:
    if not reason.strip():
        raise ValidationFailed.on("reason", "say why the household changes team")
    if team.id == current.team_id:
        raise ValidationFailed.on("team_id", "already this household's team")
    check_takes(team, current.village_code)
    return replace(
        current, team_id=team.id, assigned_by=by, assigned_at=now, version=current.version + 1
    )


def ranked(loads: list[Load]) -> list[Load]:
    """Complete teams first by fewest open cases, then by the lightest busiest member, then name."""
    usable = [load for load in loads if load.team.complete]
    return sorted(usable, key=lambda x: (x.open_cases, x.busiest_member, x.team.name, x.team.id))
