"""Commands of the sage survey and the lead-trainer courses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class SurveySage:
    village_code: str
    name: str
    skills: tuple[str, ...]
    surveyed_on: date
    phone: str | None = None


@dataclass(frozen=True)
class ChangeSage:
    name: str
    skills: tuple[str, ...]
    phone: str | None = None


@dataclass(frozen=True)
class RecordCourse:
    area_code: str
    title: str
    venue: str
    starts_on: date
    ends_on: date
    participants: tuple[str, ...]


@dataclass(frozen=True)
class ChangeCourse:
    title: str
    venue: str
    starts_on: date
    ends_on: date
    participants: tuple[str, ...]


@dataclass(frozen=True)
class ListSurvey(PageQuery):
    area: str | None = None
