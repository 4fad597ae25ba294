"""Commands of occupation groups: forming, members, registration, lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class FormGroup:
    name: str
    occupation: str
    village_code: str
    members: tuple[str, ...]  # trained households of the village


@dataclass(frozen=True)
class AddGroupMembers:
    members: tuple[str, ...]


@dataclass(frozen=True)
class RegisterGroup:
    registration_number: str
    registered_on: date


@dataclass(frozen=True)
class ListGroups(PageQuery):
    area: str | None = None
