"""The sage survey's sages and the lead-trainer courses (skills and participants as JSON lists)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Column, Date, Integer, String, Table, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import touching
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.metadata import metadata
from services.teams.domain.sage_survey import CommunitySage, LeadTrainerCourse

community_sages = Table(
    "community_sages",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("village_code", String(8), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("skills", JSON, nullable=False),
    Column("phone", String(16)),
    Column("surveyed_on", Date, nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
lead_trainer_courses = Table(
    "lead_trainer_courses",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("area_code", String(4), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("venue", String(200), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("participants", JSON, nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)


@dataclass(frozen=True)
class SurveyFilter:
    area: str | None = None  # villages (or courses' areas) inside or holding this area


class SageSurveyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_sage(self, sage: CommunitySage) -> None:
        self.session.execute(insert(community_sages).values(**_row(sage)))

    def save_sage(self, sage: CommunitySage) -> None:
        save_versioned(self.session, community_sages, "id", _row(sage))

    def sage(self, sage_id: str) -> CommunitySage | None:
        row = self.session.execute(
            select(community_sages).where(community_sages.c.id == sage_id)
        ).first()
        return _sage(row) if row else None

    def sages(
        self, readable: tuple[str, ...] | None, where: SurveyFilter, after: str | None, limit: int
    ) -> Page[CommunitySage]:
        column = community_sages.c.village_code
        found = self._page(community_sages, (column, 8), readable, where, after, limit)
        return Page([_sage(r) for r in found.items], found.next)

    def add_course(self, course: LeadTrainerCourse) -> None:
        self.session.execute(insert(lead_trainer_courses).values(**_row(course)))

    def save_course(self, course: LeadTrainerCourse) -> None:
        save_versioned(self.session, lead_trainer_courses, "id", _row(course))

    def course(self, course_id: str) -> LeadTrainerCourse | None:
        row = self.session.execute(
            select(lead_trainer_courses).where(lead_trainer_courses.c.id == course_id)
        ).first()
        return _course(row) if row else None

    def courses(
        self, readable: tuple[str, ...] | None, where: SurveyFilter, after: str | None, limit: int
    ) -> Page[LeadTrainerCourse]:
        column = lead_trainer_courses.c.area_code
        found = self._page(lead_trainer_courses, (column, 4), readable, where, after, limit)
        return Page([_course(r) for r in found.items], found.next)

    def _page(
        self, table: Table, area: tuple[Any, int], readable: tuple[str, ...] | None,
        where: SurveyFilter, after: str | None, limit: int,
    ) -> Page[Any]:  # fmt: skip
        """Rows whose area (column, code length) touches the caller's reach and the filter."""
        column, length = area
        statement = select(table)
        if readable is not None:
            statement = statement.where(touching(column, readable, length))
        if where.area:
            statement = statement.where(touching(column, (where.area,), length))
        keys = [table.c.created_at, table.c.id]
        rows = self.session.execute(keyset(statement, keys, after, limit, descending=True)).all()
        return page(rows, limit, key=lambda r: [r.created_at, r.id])


def _row(item: CommunitySage | LeadTrainerCourse) -> dict[str, Any]:
    row = dict(item.__dict__)
    for name in ("skills", "participants"):
        if name in row:
            row[name] = list(row[name])
    return row


def _sage(row: Any) -> CommunitySage:
    return CommunitySage(**{**row._mapping, "skills": tuple(row.skills)})


def _course(row: Any) -> LeadTrainerCourse:
    return LeadTrainerCourse(**{**row._mapping, "participants": tuple(row.participants)})
