"""Commands of support organisations and their action plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class RegisterOrganisation:
    kind: str
    district_code: str
    name: str
    reporters: tuple[str, ...] = ()  # people who report for it


@dataclass(frozen=True)
class ChangeOrganisation:
    name: str
    reporters: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListOrganisations(PageQuery):
    area: str | None = None  # districts inside or holding this area
    kind: str | None = None


@dataclass(frozen=True)
class StartPlan:
    year: int
    title: str


@dataclass(frozen=True)
class AdvancePlan:
    to: str  # the phase
    note: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class AddTask:
    title: str
    due_on: date
    owner_id: str | None = None


@dataclass(frozen=True)
class ReportProgress:
    reported_on: date
    percent: int
    note: str = ""
