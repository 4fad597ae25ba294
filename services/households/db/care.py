"""Visits, overdue notices and BMN survey results."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Integer, and_, bindparam, insert, select
from sqlalchemy.orm import Session

from infra.money import from_satang, to_satang
from infra.statements import insert_ignoring_duplicates
from services.households.db.tables import households, overdue_notices, surveys, visits
from services.households.domain.care import Visit


class Assessment(NamedTuple):
    visited_at: datetime
    recorded_at: datetime
    income_pp: Decimal


# built once: every case read runs it
_RECENT = (
    select(visits)
    .where(visits.c.household_id == bindparam("key"))
    .order_by(visits.c.visited_at.desc(), visits.c.recorded_at.desc())
    .limit(bindparam("limit", type_=Integer))
)


class VisitRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, visit: Visit) -> None:
        self.session.execute(insert(visits).values(**_row(visit)))

    def get(self, visit_id: str) -> Visit | None:
        row = self.session.execute(select(visits).where(visits.c.id == visit_id)).first()
        return None if row is None else _visit(row)

    def recent(self, household_id: str, limit: int) -> list[Visit]:
        rows = self.session.execute(_RECENT, {"key": household_id, "limit": limit})
        return [_visit(r) for r in rows]

    def recent_assessments(self, household_id: str, limit: int) -> list[Assessment]:
        """The latest visits with an income, newest first: (visited_at, recorded_at, income pp)."""
        rows = self.session.execute(
            select(visits.c.visited_at, visits.c.recorded_at, visits.c.income_pp_satang)
            .where(visits.c.household_id == household_id, visits.c.income_pp_satang.is_not(None))
            .order_by(visits.c.visited_at.desc(), visits.c.recorded_at.desc())
            .limit(limit)
        )
        return [Assessment(v, r, from_satang(i)) for v, r, i in rows]

    def recent_incomes_pp(self, household_id: str, limit: int) -> list[Decimal]:
        rows = self.session.execute(
            select(visits.c.income_pp_satang)
            .where(visits.c.household_id == household_id, visits.c.income_pp_satang.is_not(None))
            .order_by(visits.c.visited_at.desc(), visits.c.recorded_at.desc())
            .limit(limit)
        )
        return [from_satang(v) for v in rows.scalars()]

    def overdue(self, today: date, limit: int) -> list[Any]:
        """Cases with a visit past due that has not been announced yet."""
        announced = select(overdue_notices.c.household_id).where(
            and_(
                overdue_notices.c.household_id == households.c.id,
                overdue_notices.c.due_on == households.c.next_visit_due,
            )
        )
        return self.session.execute(
            select(
                households.c.id,
                households.c.village_code,
                households.c.team_id,
                households.c.next_visit_due,
            )
            .where(households.c.next_visit_due < today, ~announced.exists())
            .order_by(households.c.next_visit_due, households.c.id)
            .limit(limit)
        ).all()

    def announce_overdue(self, household_id: str, due_on: date, now: datetime) -> bool:
        """True for the one caller that records this overdue visit first."""
        statement = insert_ignoring_duplicates(self.session, overdue_notices).values(
            household_id=household_id, due_on=due_on, detected_at=now
        )
        return self.session.execute(statement).rowcount == 1

    def add_survey(self, row: dict[str, Any]) -> None:
        """A household's BMN result for one survey year (registration writes it)."""
        self.session.execute(insert(surveys).values(**row))


def survey_of(session: Session, household_id: str, survey_year: int) -> Any:
    return session.execute(
        select(surveys).where(
            surveys.c.household_id == household_id, surveys.c.survey_year == survey_year
        )
    ).first()


def _row(visit: Visit) -> dict[str, Any]:
    data = dict(visit.__dict__)
    data.pop("client_key")  # kept in client_requests
    income, per_person = data.pop("annual_income_thb"), data.pop("income_per_person_thb")
    data["annual_income_satang"] = None if income is None else to_satang(income)
    data["income_pp_satang"] = None if per_person is None else to_satang(per_person)
    data["problems"] = json.dumps(list(visit.problems), ensure_ascii=False)
    return data


def _visit(row: Any) -> Visit:
    data = dict(row._mapping)
    income, per_person = data.pop("annual_income_satang"), data.pop("income_pp_satang")
    return Visit(
        **{**data, "problems": tuple(json.loads(data["problems"]))},
        annual_income_thb=None if income is None else from_satang(income),
        income_per_person_thb=None if per_person is None else from_satang(per_person),
    )
