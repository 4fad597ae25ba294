"""Reads that span many households: the filtered keyset list and the targeting scan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, func, literal, select
from sqlalchemy.orm import Session

from infra.money import from_satang
from infra.pagination import keyset
from infra.reach import any_of
from services.households.db.households import to_household
from services.households.db.tables import households, members, plans, surveys
from services.households.domain.household import Household


def area_range(code: str) -> ColumnElement[bool]:
    """Villages inside a DOPA area: a range on the 8-digit code, so an index serves it."""
    column = households.c.village_code
    return and_(column >= code.ljust(8, "0"), column <= code.ljust(8, "9"))


@dataclass(frozen=True)
class Reach:
    """Which households a caller may see: everything, or those of these teams and areas."""

    everything: bool
    teams: tuple[str, ...]
    areas: tuple[str, ...]


def reach_condition(reach: Reach) -> ColumnElement[bool] | None:
    """The reach as SQL (None: every household)."""
    if reach.everything:
        return None
    parts = [area_range(a) for a in reach.areas]
    if reach.teams:
        parts.append(households.c.team_id.in_(reach.teams))
    return any_of(parts)


@dataclass(frozen=True)
class HouseholdFilter:
    area: str | None = None
    stage: str | None = None
    team_id: str | None = None
    fails_income: bool | None = None
    min_failed_indicators: int | None = None
    overdue_on: date | None = None  # overdue as of this day
    plan_waiting: bool | None = None  # a submitted plan neither approved nor returned
    risk: tuple[str, ...] | None = None  # any of these risk levels
    order: str = "village"


def list_households(
    session: Session, reach: Reach, where: HouseholdFilter, after: str | None, limit: int
) -> list[Any]:
    return session.execute(list_statement(reach, where, after, limit)).all()


def list_statement(
    reach: Reach, where: HouseholdFilter, after: str | None, limit: int
) -> Select[Any]:
    """A page of households with each head's name and whether a plan came back to rework."""
    head = members.alias("head")
    head_name = (head.c.first_name + " " + head.c.last_name).label("head_name")
    named = select(households, head_name, _plan_returned().label("plan_returned"))
    joined = named.outerjoin(
        head, and_(head.c.household_id == households.c.id, head.c.is_head, head.c.active)
    )
    statement = _filtered(joined, reach, where)
    keys = (
        [households.c.priority_rank, households.c.id]
        if where.order == "priority"
        else [households.c.village_code, households.c.id]
    )
    return keyset(statement, keys, after, limit)


def _filtered(statement: Select[Any], reach: Reach, where: HouseholdFilter) -> Select[Any]:
    c = households.c
    conditions = [
        reach_condition(reach),
        where.area and area_range(where.area),
        where.stage and c.stage == where.stage,
        where.team_id and c.team_id == where.team_id,
        where.fails_income is not None and c.fails_income.is_(where.fails_income),
        where.min_failed_indicators is not None
        and c.failed_indicators >= where.min_failed_indicators,
        where.overdue_on and c.next_visit_due < where.overdue_on,
        where.plan_waiting is not None and _plan_waiting(where.plan_waiting),
        where.risk and c.risk_level.in_(where.risk),
        where.order == "priority" and c.priority_rank.is_not(None),
    ]
    return statement.where(*[cond for cond in conditions if cond is not None and cond is not False])


def _plan_returned() -> ColumnElement[bool]:
    """The household's plan came back from its approver and waits for the team's rework (a
    returned plan is edited in place: at most one per household). A lookup per listed row on
    the plans' household index: as EXISTS, PostgreSQL hashed every returned plan in the country
    for each page (20 ms with 30,000 of them)."""
    returned = (
        select(literal(True))
        .where(plans.c.household_id == households.c.id, plans.c.status == "returned")
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(returned, False)


def _plan_waiting(waiting: bool) -> ColumnElement[bool]:
    submitted = select(plans.c.household_id).where(plans.c.status == "submitted")
    column = households.c.id
    return column.in_(submitted) if waiting else column.not_in(submitted)


class Surveyed(NamedTuple):
    """A household with its BMN result of the survey year asked for."""

    household: Household
    size: int
    income_thb: Decimal
    failed_count: int


def untargeted_with_survey(
    session: Session, area: str, survey_year: int, after_id: str | None, limit: int
) -> list[Surveyed]:
    """Registered (not yet targeted) households of an area with a BMN result for the year."""
    statement = (
        select(
            households,
            surveys.c.size.label("survey_size"),
            surveys.c.annual_income_satang.label("survey_income_satang"),
            surveys.c.failed_count,
        )
        .join(surveys, surveys.c.household_id == households.c.id)
        .where(
            area_range(area),
            households.c.stage == "registered",
            surveys.c.survey_year == survey_year,
        )
    )
    if after_id:
        statement = statement.where(households.c.id > after_id)
    found = session.execute(statement.order_by(households.c.id).limit(limit))
    return [
        Surveyed(
            to_household(row, []),
            row.survey_size,
            from_satang(row.survey_income_satang),
            row.failed_count,
        )
        for row in found
    ]


class HouseholdQueries:
    """The list and targeting reads, for the unit of work (`uow.queries`)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def households(
        self, reach: Reach, where: HouseholdFilter, after: str | None, limit: int
    ) -> list[Any]:
        return list_households(self.session, reach, where, after, limit)

    def untargeted_with_survey(
        self, area: str, survey_year: int, after_id: str | None, limit: int
    ) -> list[Surveyed]:
        return untargeted_with_survey(self.session, area, survey_year, after_id, limit)
