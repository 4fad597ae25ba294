"""The Sammachip table's outcome columns (D5: households should end with an occupation that brings
income or cuts costs), per child area, from the results recorded in the fiscal year: households
with a 3-month and a 6-month result, and at each household's latest checkpoint of the year the
occupation taken up and the income earned and costs cut (satang summed, answered in baht)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from infra.money import from_satang
from services.teams.db.cohort_care import training_results
from services.teams.db.sammachip_report import Scope

OUTCOME_COUNTS = ("households_result_3m", "households_result_6m", "households_with_occupation")
OUTCOME_MONEY = ("income_earned_thb", "costs_cut_thb")


class SammachipOutcomes:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_area(self, scope: Scope) -> dict[str, dict[str, Any]]:
        """child area -> outcome column -> count, or baht as a decimal string."""
        found: dict[str, dict[str, Any]] = {}
        for row in self._checkpoints(scope):
            found.setdefault(row.child, {}).update(
                households_result_3m=row.at_3, households_result_6m=row.at_6
            )
        for row in self._latest(scope):
            found.setdefault(row.child, {}).update(
                households_with_occupation=row.with_occupation,
                income_earned_thb=str(from_satang(row.income)),
                costs_cut_thb=str(from_satang(row.costs)),
            )
        return found

    def _in_year(self, scope: Scope) -> list[Any]:
        r = training_results.c
        return [*scope.where(r.village_code), scope.during(r.recorded_at)]

    def _checkpoints(self, scope: Scope) -> list[Any]:
        r = training_results.c
        child = func.substr(r.village_code, 1, scope.child_length)
        statement = select(
            child.label("child"),
            func.count(func.distinct(case((r.months == 3, r.household_id)))).label("at_3"),
            func.count(func.distinct(case((r.months == 6, r.household_id)))).label("at_6"),
        ).where(*self._in_year(scope))
        return list(self.session.execute(statement.group_by(child)))

    def _latest(self, scope: Scope) -> list[Any]:
        r = training_results.c
        latest = (
            select(r.cohort_id, r.household_id, func.max(r.months).label("months"))
            .where(*self._in_year(scope))
            .group_by(r.cohort_id, r.household_id)
            .subquery()
        )
        joined = training_results.join(
            latest,
            and_(
                latest.c.cohort_id == r.cohort_id,
                latest.c.household_id == r.household_id,
                latest.c.months == r.months,
            ),
        )
        child = func.substr(r.village_code, 1, scope.child_length)
        statement = select(
            child.label("child"),
            func.count(func.distinct(case((r.occupation != "", r.household_id)))).label(
                "with_occupation"
            ),
            func.coalesce(func.sum(r.income_earned_satang), 0).label("income"),
            func.coalesce(func.sum(r.costs_cut_satang), 0).label("costs"),
        ).select_from(joined)
        return list(self.session.execute(statement.group_by(child)))
