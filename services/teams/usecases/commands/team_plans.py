"""Commands of a Smile Team's yearly action plan and its lessons learned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.teams.usecases.commands.common import PageQuery


@dataclass(frozen=True)
class StartTeamPlan:
    fiscal_year: int  # Buddhist era, 1 Oct - 30 Sep
    title: str


@dataclass(frozen=True)
class EditTeamPlan:
    title: str


@dataclass(frozen=True)
class AddTeamTask:
    title: str
    due_on: date
    household_id: str | None = None  # one of the team's households
    owner_id: str | None = None  # one of the team's members


@dataclass(frozen=True)
class DecideTeamPlan:
    approve: bool
    note: str | None = None


@dataclass(frozen=True)
class ReportQuarter:
    quarter: int  # of the fiscal year: 1 is October to December
    summary: str
    households_followed: int = 0


@dataclass(frozen=True)
class PublishLesson:
    topic: str
    title: str
    text: str


@dataclass(frozen=True)
class ListLessons(PageQuery):
    topic: str | None = None
    area: str | None = None  # lessons of teams in districts inside or holding this area
    fiscal_year: int | None = None
