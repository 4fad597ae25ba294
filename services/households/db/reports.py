"""The cases report's SQL aggregates: one row per child area (a GROUP BY on the code's prefix)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from infra.reach import any_of
from services.households.db.queries import Reach, area_range, reach_condition
from services.households.db.tables import households, interventions, plans, transitions

h = households.c
VILLAGE_KEY = 8  # a team's report: a row per village (DOPA codes: 8 digits)


@dataclass(frozen=True)
class CasesFilter:
    """What the use case asks the counts for, in plain values: the households of the area's
    `parts` (or of the team `team_id`) that `reach` shows, a row per `key_length`-digit prefix of
    their village codes, as of `today`, in the fiscal year from `year_start` to `year_end`."""

    reach: Reach
    key_length: int
    today: date
    year_start: datetime
    year_end: datetime
    area: str = ""
    parts: tuple[str, ...] = ()
    team_id: str | None = None


@dataclass(frozen=True)
class CasesWindow:
    """What the counts look at, as SQL: the caller's rows of the area, the row key, the day, the
    year."""

    visible: ColumnElement[bool]
    key_length: int
    today: date
    year_start: datetime
    year_end: datetime

    @property
    def key(self) -> Any:
        return func.substr(h.village_code, 1, self.key_length).label("key")


def area_condition(area: str, parts: tuple[str, ...], reach: ColumnElement[bool] | None) -> Any:
    """Households of the area, in the caller's parts of it, that the caller's reach shows."""
    conditions = [area_range(area), any_of(area_range(p) for p in parts)]
    return and_(*conditions, *([] if reach is None else [reach]))


def team_condition(team_id: str, reach: ColumnElement[bool] | None) -> Any:
    """Households assigned to the team that the caller's reach shows."""
    return and_(h.team_id == team_id, *([] if reach is None else [reach]))


def window_of(wanted: CasesFilter) -> CasesWindow:
    reach = reach_condition(wanted.reach)
    visible = (
        area_condition(wanted.area, wanted.parts, reach)
        if wanted.team_id is None
        else team_condition(wanted.team_id, reach)
    )
    return CasesWindow(visible, wanted.key_length, wanted.today, wanted.year_start, wanted.year_end)


def household_counts(session: Session, window: CasesWindow) -> list[Any]:
    """Per child area and stage: households, and those with each flag (FILTER, no CASE per row:
    the scan is the cost, so each row does as little as it can)."""
    n = func.count()
    counts = [
        n.label("households"),
        n.filter(h.targeted_at.is_not(None)).label("targeted"),
        n.filter(h.consented.is_(True)).label("consented"),
        n.filter(h.consented.is_(False)).label("declined"),
        n.filter(h.monitoring_until >= window.today).label("monitored"),
        n.filter(h.next_visit_due < window.today).label("overdue_visits"),
        n.filter(h.team_id.is_(None)).label("without_team"),
    ]
    statement = (
        select(window.key, h.stage, *counts).where(window.visible).group_by(window.key, h.stage)
    )
    return session.execute(statement).all()


def graduation_counts(session: Session, window: CasesWindow) -> list[Any]:
    in_year = and_(
        transitions.c.changed_at >= window.year_start, transitions.c.changed_at < window.year_end
    )
    graduate = transitions.c.household_id
    statement = (
        select(
            window.key,
            func.count(graduate.distinct()).label("graduated_ever"),
            func.count(case((in_year, graduate)).distinct()).label("graduated_in_year"),
        )
        .join(households, h.id == graduate)
        .where(window.visible, transitions.c.to_stage == "graduated", h.stage != "merged")
        .group_by(window.key)
    )
    return session.execute(statement).all()


def plans_waiting(session: Session, window: CasesWindow) -> list[Any]:
    statement = (
        select(window.key, func.count().label("plans_waiting"))
        .join(households, h.id == plans.c.household_id)
        .where(window.visible, plans.c.status == "submitted")
        .group_by(window.key)
    )
    return session.execute(statement).all()


def intervention_counts(session: Session, window: CasesWindow) -> list[Any]:
    i = interventions.c
    statement = (
        select(window.key, i.kind, i.status, func.count().label("n"))
        .join(households, h.id == i.household_id)
        .where(window.visible)
        .group_by(window.key, i.kind, i.status)
    )
    return session.execute(statement).all()


class CaseReportQueries:
    """The cases report's counts, for the unit of work (`uow.reports`)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def households(self, wanted: CasesFilter) -> list[Any]:
        return household_counts(self.session, window_of(wanted))

    def graduations_and_plans_waiting(self, wanted: CasesFilter) -> list[Any]:
        window = window_of(wanted)
        return [*graduation_counts(self.session, window), *plans_waiting(self.session, window)]

    def interventions(self, wanted: CasesFilter) -> list[Any]:
        return intervention_counts(self.session, window_of(wanted))
