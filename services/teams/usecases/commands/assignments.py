"""Commands of assignments of households to Smile Teams, and of lists of known households."""

from __future__ import annotations

from dataclasses import dataclass

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class AssignHousehold:
    household_id: str
    team_id: str


@dataclass(frozen=True)
class AssignVillage:
    village_code: str
    team_id: str


@dataclass(frozen=True)
class ReassignHousehold:
    team_id: str
    reason: str


@dataclass(frozen=True)
class ListKnownHouseholds(PageQuery):
    area: str | None = None  # villages inside this area
    team_id: str | None = None
    unassigned: bool = False
