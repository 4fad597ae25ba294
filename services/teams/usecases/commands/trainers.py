"""Commands of village trainer teams."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class JoinTrainerTeam:
    person_id: str
    lead: bool = False
    lead_trained_on: date | None = None


@dataclass(frozen=True)
class FormTrainerTeam:
    village_code: str
    name: str
    members: tuple[JoinTrainerTeam, ...] = ()


@dataclass(frozen=True)
class LeaveTrainerTeam:
    person_id: str


@dataclass(frozen=True)
class ListTrainerTeams(PageQuery):
    area: str | None = None
