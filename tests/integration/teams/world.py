"""Building a small world for the teams use-case tests: people, households, teams."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from infra.caller import SYSTEM, Caller, Role
from infra.commands import command_of
from infra.envelope import Envelope, read_event
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.domain.person import Person
from services.teams.domain.team import Team
from services.teams.subscriptions import SUBSCRIPTIONS
from services.teams.usecases import households, teams
from services.teams.usecases.commands.people import RegisterPerson
from services.teams.usecases.commands.teams import FormTeam, TeamSeat
from services.teams.usecases.people import register_person

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
ADMIN = SYSTEM
VILLAGE, TAMBON = "24010101", "240101"


def register(
    uow: TeamsUnitOfWork, username: str, role: Role, areas: list[str], **extra: Any
) -> Person:
    given = {"display_name": username.title(), "roles": [role], "areas": areas, **extra}
    command = command_of(RegisterPerson, {"username": username, **given})
    return register_person(uow, ADMIN, command, NOW)


def as_caller(person: Person) -> Caller:
    return person.as_caller()


def trio(uow: TeamsUnitOfWork, suffix: str = "", tambon: str = TAMBON) -> dict[Role, Person]:
    return {
        Role.VOLUNTEER_LEADER: register(
            uow, f"leader{suffix}", Role.VOLUNTEER_LEADER, [tambon + "01"]
        ),
        Role.SUBDISTRICT_COORDINATOR: register(
            uow, f"coordinator{suffix}", Role.SUBDISTRICT_COORDINATOR, [tambon]
        ),
        Role.DISTRICT_EXPERT: register(uow, f"expert{suffix}", Role.DISTRICT_EXPERT, [tambon[:4]]),
    }


def form(uow: TeamsUnitOfWork, name: str, coverage: list[str], members: dict[Role, Person]) -> Team:
    seats = tuple(TeamSeat(role, person.id) for role, person in members.items())
    return teams.form_team(uow, ADMIN, FormTeam(name, tuple(coverage), seats), NOW)


def household_event(
    event_type: str, household_id: str, village: str = VILLAGE, **data: Any
) -> dict[str, Any]:
    return Envelope(
        event_type, {"household_id": household_id, "village_code": village, **data}, "households"
    ).to_dict()


def learn(uow: TeamsUnitOfWork, envelope: dict[str, Any]) -> None:
    schemas = SUBSCRIPTIONS[("households", envelope["event_type"])]
    households.learn(uow, read_event(envelope, schemas))


def known_household(uow: TeamsUnitOfWork, village: str = VILLAGE) -> str:
    household_id = str(uuid.uuid4())
    learn(
        uow,
        household_event(
            "household_registered", household_id, village, registered_at=NOW.isoformat()
        ),
    )
    return household_id


def outbox(uow: TeamsUnitOfWork) -> list[tuple[str, dict[str, Any]]]:
    """Every event written so far, oldest first, as (type, data)."""
    table = metadata.tables["outbox"]
    with uow:
        rows = uow.session.execute(select(table.c.payload).order_by(table.c.id)).scalars()
        return [(e["event_type"], e["data"]) for e in map(json.loads, rows)]


def count(uow: TeamsUnitOfWork, table_name: str) -> int:
    with uow:
        return uow.session.execute(
            select(func.count()).select_from(metadata.tables[table_name])
        ).scalar_one()
