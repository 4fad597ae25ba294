"""What a Smile Team's plan adds to the action plans' tables: quarterly progress reports and
lessons learned; and the team plans' own queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import touching
from infra.tables import BigId, UtcDateTime
from services.teams.db.metadata import metadata
from services.teams.db.support_organisations import plans
from services.teams.domain.team_plans import Lesson, PeriodReport

period_reports = Table(
    "plan_period_reports",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("action_plans.id"), nullable=False),
    Column("quarter", Integer, nullable=False),
    Column("summary", Text, nullable=False),
    Column("households_followed", Integer, nullable=False),
    Column("reported_by", String(36), nullable=False),
    Column("reported_at", UtcDateTime, nullable=False),
    UniqueConstraint("plan_id", "quarter"),  # one report per quarter
)
lessons = Table(
    "plan_lessons",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("plan_id", String(36), ForeignKey("action_plans.id"), nullable=False, index=True),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("district_code", String(4), nullable=False, index=True),
    Column("fiscal_year", Integer, nullable=False),
    Column("topic", String(40), nullable=False),
    Column("title", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("published_by", String(36), nullable=False),
    Column("published_at", UtcDateTime, nullable=False),
)


@dataclass(frozen=True)
class LessonFilter:
    """Lessons of these provinces (None: every province), narrowed by topic, area and year."""

    provinces: tuple[str, ...] | None
    topic: str | None = None
    area: str | None = None
    fiscal_year: int | None = None


class TeamPlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def of_team(self, team_id: str) -> list[dict[str, Any]]:
        columns = (plans.c.id, plans.c.year, plans.c.title, plans.c.approval, plans.c.version)
        query = select(*columns).where(plans.c.team_id == team_id).order_by(plans.c.year)
        return [dict(r._mapping) for r in self.session.execute(query)]

    def exists(self, team_id: str, fiscal_year: int) -> bool:
        query = select(plans.c.id).where(plans.c.team_id == team_id, plans.c.year == fiscal_year)
        return self.session.execute(query).first() is not None

    def add_period_report(self, report: PeriodReport) -> None:
        self.session.execute(insert(period_reports).values(**report.__dict__))

    def quarter_reported(self, plan_id: str, quarter: int) -> bool:
        where = (period_reports.c.plan_id == plan_id, period_reports.c.quarter == quarter)
        return self.session.execute(select(period_reports.c.id).where(*where)).first() is not None

    def period_reports_of(self, plan_id: str) -> list[PeriodReport]:
        query = select(period_reports).where(period_reports.c.plan_id == plan_id)
        rows = self.session.execute(query.order_by(period_reports.c.quarter))
        return [PeriodReport(**{k: v for k, v in r._mapping.items() if k != "id"}) for r in rows]

    def add_lesson(self, lesson: Lesson) -> None:
        self.session.execute(insert(lessons).values(**lesson.__dict__))

    def lessons_of(self, plan_id: str) -> list[Lesson]:
        query = select(lessons).where(lessons.c.plan_id == plan_id)
        ordered = query.order_by(lessons.c.published_at, lessons.c.id)
        return [Lesson(**r._mapping) for r in self.session.execute(ordered)]

    def lessons(self, where: LessonFilter, after: str | None, limit: int) -> Page[Lesson]:
        chosen = select(lessons).where(*_conditions(where))
        keys = [lessons.c.published_at, lessons.c.id]
        rows = self.session.execute(keyset(chosen, keys, after, limit)).all()
        found = page(rows, limit, key=lambda r: [r.published_at, r.id])
        return Page([Lesson(**r._mapping) for r in found.items], found.next)


def _conditions(where: LessonFilter) -> list[Any]:
    district = lessons.c.district_code
    chosen = []
    if where.provinces is not None:
        chosen.append(touching(district, where.provinces, 4))
    if where.topic:
        chosen.append(lessons.c.topic == where.topic)
    if where.area:
        chosen.append(touching(district, (where.area,), 4))
    if where.fiscal_year:
        chosen.append(lessons.c.fiscal_year == where.fiscal_year)
    return chosen
