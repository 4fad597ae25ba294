"""Commands of people: registering, changing, passwords, lists."""

from __future__ import annotations

from dataclasses import dataclass

from infra.caller import Role
from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class PersonDetails:
    username: str
    display_name: str
    roles: tuple[Role, ...]
    areas: tuple[str, ...] = ()
    line_user_id: str | None = None
    email: str | None = None
    phone: str | None = None
    language: str = "th"
    national_id: str | None = None


@dataclass(frozen=True)
class UpdatePerson(PersonDetails):
    reason: str | None = None  # required when the person's registry data changes


@dataclass(frozen=True)
class RegisterPerson(PersonDetails):
    password: str | None = None


@dataclass(frozen=True)
class SetPassword:
    password: str
    current_password: str | None = None


@dataclass(frozen=True)
class ListPeople(PageQuery):
    name: str | None = None  # part of the display name or username, any case
    role: Role | None = None
    area: str | None = None
    active: bool | None = None
