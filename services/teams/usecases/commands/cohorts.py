"""Commands of training cohorts: opening, enrolment, sessions, attendance, completion, lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class OpenCohort:
    trainer_team_id: str
    occupation: str
    households: tuple[str, ...]


@dataclass(frozen=True)
class EnrolHouseholds:
    households: tuple[str, ...]


@dataclass(frozen=True)
class AddSession:
    held_on: date
    duration_minutes: int
    kind: str
    topic: str = ""


@dataclass(frozen=True)
class Mark:
    household_id: str
    present: bool


@dataclass(frozen=True)
class RecordAttendance:
    attendance: tuple[Mark, ...]


@dataclass(frozen=True)
class CompleteCohort:
    households: tuple[str, ...] | None = None  # None: those who attended


@dataclass(frozen=True)
class ListCohorts(PageQuery):
    trainer_team_id: str | None = None
    area: str | None = None
    status: str | None = None
