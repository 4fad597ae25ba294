"""Domain objects for the teams unit tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from infra.caller import Caller, Role
from services.teams.domain.contact import Contact
from services.teams.domain.person import Person, Profile
from services.teams.domain.team import Seat, Team

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
TAMBON, OTHER_TAMBON, FAR_TAMBON = "240101", "240102", "100101"
VILLAGE = "24010101"


def person(
    roles: list[Role] | Role, areas: list[str], active: bool = True, pid: str = ""
) -> Person:
    roles = roles if isinstance(roles, list) else [roles]
    profile = Profile(
        username="someone",
        display_name="Someone",
        roles=frozenset(roles),
        areas=tuple(areas),
        contact=Contact(),
    )
    return Person(profile, NOW, id=pid or str(uuid.uuid4()), active=active)


def leader(area: str = VILLAGE, pid: str = "vl") -> Person:
    return person(Role.VOLUNTEER_LEADER, [area], pid=pid)


def coordinator(area: str = TAMBON, pid: str = "co") -> Person:
    return person(Role.SUBDISTRICT_COORDINATOR, [area], pid=pid)


def expert(area: str = "2401", pid: str = "ex") -> Person:
    return person(Role.DISTRICT_EXPERT, [area], pid=pid)


def seat(role: Role, who: Person | None, pid: str = "") -> Seat:
    return Seat(role, who.id if who else pid, who)


def full_team(coverage: tuple[str, ...] = (TAMBON,), name: str = "Smile 1") -> Team:
    seats = [
        seat(Role.VOLUNTEER_LEADER, leader()),
        seat(Role.SUBDISTRICT_COORDINATOR, coordinator()),
        seat(Role.DISTRICT_EXPERT, expert()),
    ]
    return Team.form(name, list(coverage), seats, NOW)


def caller(roles: list[Role] | Role, areas: list[str], pid: str = "me") -> Caller:
    roles = roles if isinstance(roles, list) else [roles]
    return Caller(pid, pid, frozenset(roles), tuple(areas))
