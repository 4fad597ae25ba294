"""Typed commands of the Smile Team and assignment use cases. Each is built by the entrypoint from
the payload its schema loaded (`of`), so a use case reads fields, never dictionary keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from infra.caller import Role


@dataclass(frozen=True)
class TeamSeat:
    role: Role
    person_id: str


@dataclass(frozen=True)
class ChangeTeam:
    name: str
    coverage: tuple[str, ...]  # sub-district (tambon) codes

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> ChangeTeam:
        return cls(loaded["name"], tuple(loaded["coverage"]))


@dataclass(frozen=True)
class FormTeam:
    name: str
    coverage: tuple[str, ...]  # sub-district (tambon) codes
    members: tuple[TeamSeat, ...] = ()

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> FormTeam:
        seats = tuple(TeamSeat(Role(m["role"]), m["person_id"]) for m in loaded["members"])
        return cls(loaded["name"], tuple(loaded["coverage"]), seats)


@dataclass(frozen=True)
class JoinTeam:
    role: Role
    person_id: str

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> JoinTeam:
        return cls(Role(loaded["role"]), loaded["person_id"])


@dataclass(frozen=True)
class LeaveTeam:
    person_id: str
    reason: str | None = None

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> LeaveTeam:
        return cls(loaded["person_id"], loaded.get("reason"))


@dataclass(frozen=True)
class AssignHousehold:
    household_id: str
    team_id: str

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> AssignHousehold:
        return cls(str(loaded["household_id"]), str(loaded["team_id"]))


@dataclass(frozen=True)
class AssignVillage:
    village_code: str
    team_id: str

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> AssignVillage:
        return cls(loaded["village_code"], str(loaded["team_id"]))


@dataclass(frozen=True)
class ReassignHousehold:
    team_id: str
    reason: str

    @classmethod
    def of(cls, loaded: dict[str, Any]) -> ReassignHousehold:
        return cls(str(loaded["team_id"]), loaded["reason"])
