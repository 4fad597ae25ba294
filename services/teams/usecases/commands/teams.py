"""Commands of the Smile Teams: forming, changing, joining, leaving; lists and outcomes."""

from __future__ import annotations

from dataclasses import dataclass

from infra.caller import Role
from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class TeamSeat:
    role: Role
    person_id: str


@dataclass(frozen=True)
class ChangeTeam:
    name: str
    coverage: tuple[str, ...]  # sub-district (tambon) codes


@dataclass(frozen=True)
class FormTeam:
    name: str
    coverage: tuple[str, ...]  # sub-district (tambon) codes
    members: tuple[TeamSeat, ...] = ()


@dataclass(frozen=True)
class JoinTeam:
    role: Role
    person_id: str


@dataclass(frozen=True)
class LeaveTeam:
    person_id: str
    reason: str | None = None


@dataclass(frozen=True)
class ListTeams(PageQuery):
    area: str | None = None  # teams covering a sub-district inside or holding this area
    member: str | None = None  # teams this person serves in


@dataclass(frozen=True)
class ListOutcomes(PageQuery):
    area: str | None = None
