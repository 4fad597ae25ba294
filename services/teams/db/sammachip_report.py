"""The Sammachip table's counts (D5, seed 000), per child area, in one fiscal year.

Each count is of what happened in the fiscal year: a village's trainer team formed (and ready) or
training a cohort, a household completing its training, a group formed, a group registered, a
group's OTOP product first recorded, a plan of that year used for livelihood development, a group
whose latest report of the year says it operates with income.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, true
from sqlalchemy.orm import Session

from infra.reach import inside
from services.teams.db.cohorts import cohorts
from services.teams.db.community_plans import community_plans
from services.teams.db.group_progress import group_reports, otop_products
from services.teams.db.groups import occupation_groups
from services.teams.db.trainers import trainer_members, trainer_teams
from services.teams.db.trainings import trainings
from services.teams.domain.trainers import TEAM_SIZE


@dataclass(frozen=True)
class Scope:
    """The area asked for, the caller's areas (None: everywhere), the length of a child area's
    code, and the fiscal year as moments [start, end) and days [first, last]."""

    area: str
    reach: tuple[str, ...] | None
    child_length: int
    start: datetime
    end: datetime
    first: date
    last: date
    fiscal_year: int

    def where(self, column: Any) -> list[ColumnElement[bool]]:
        conditions = [column.startswith(self.area, autoescape=True)]
        return conditions if self.reach is None else [*conditions, inside(column, self.reach)]

    def during(self, column: Any) -> ColumnElement[bool]:
        return and_(column >= self.start, column < self.end)


class SammachipCounts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self, scope: Scope) -> dict[str, dict[str, int]]:
        """metric -> child area code -> count (children with nothing are left out)."""
        return {
            "villages_with_trainer_team": self._villages_with_trainer_team(scope),
            "households_trained": self._households_trained(scope),
            "occupation_groups_formed": self._counted(
                scope, occupation_groups, func.count(), scope.during(occupation_groups.c.created_at)
            ),
            "villages_with_registered_group": self._counted(
                scope,
                occupation_groups,
                func.count(occupation_groups.c.village_code.distinct()),
                occupation_groups.c.registered_on.between(scope.first, scope.last),
            ),
            "groups_with_otop_product": self._groups_with_product(scope),
            "subdistrict_plans_used": self._plans_used(scope),
            "groups_operating_with_income": self._operating(scope),
        }

    def _grouped(self, statement: Any, child: Any) -> dict[str, int]:
        return {code: n for code, n in self.session.execute(statement.group_by(child))}

    def _counted(
        self, scope: Scope, table: Any, measure: Any, condition: ColumnElement[bool]
    ) -> dict[str, int]:
        child = func.substr(table.c.village_code, 1, scope.child_length)
        statement = select(child, measure).where(*scope.where(table.c.village_code), condition)
        return self._grouped(statement, child)

    def _villages_with_trainer_team(self, scope: Scope) -> dict[str, int]:
        team = trainer_teams.c
        trained = exists().where(
            cohorts.c.trainer_team_id == team.id, scope.during(cohorts.c.created_at)
        )
        formed_ready = and_(scope.during(team.created_at), _ready(team.id))
        measure = func.count(team.village_code.distinct())
        return self._counted(scope, trainer_teams, measure, or_(trained, formed_ready))

    def _households_trained(self, scope: Scope) -> dict[str, int]:
        measure = func.count(trainings.c.household_id.distinct())
        return self._counted(scope, trainings, measure, scope.during(trainings.c.completed_at))

    def _groups_with_product(self, scope: Scope) -> dict[str, int]:
        child = func.substr(occupation_groups.c.village_code, 1, scope.child_length)
        statement = (
            select(child, func.count())
            .select_from(occupation_groups.join(otop_products))
            .where(*scope.where(occupation_groups.c.village_code))
            .where(scope.during(otop_products.c.recorded_at))
        )
        return self._grouped(statement, child)

    def _plans_used(self, scope: Scope) -> dict[str, int]:
        plan = community_plans.c
        child = func.substr(plan.tambon_code, 1, min(scope.child_length, 6))
        statement = select(child, func.count()).where(
            *scope.where(plan.tambon_code),
            plan.fiscal_year == scope.fiscal_year,
            plan.livelihood_development.is_(true()),
        )
        return self._grouped(statement, child)

    def _operating(self, scope: Scope) -> dict[str, int]:
        report = group_reports.c
        in_year = report.period.between(scope.first, scope.last)
        latest = (
            select(report.group_id, func.max(report.period).label("period"))
            .where(in_year, *scope.where(report.village_code))
            .group_by(report.group_id)
            .subquery()
        )
        child = func.substr(report.village_code, 1, scope.child_length)
        statement = (
            select(child, func.count())
            .select_from(
                group_reports.join(
                    latest,
                    and_(latest.c.group_id == report.group_id, latest.c.period == report.period),
                )
            )
            .where(report.operating.is_(true()), report.income_satang > 0)
        )
        return self._grouped(statement, child)


def _ready(team_id: Any) -> ColumnElement[bool]:
    """Five sages, one of them a lead who took the course (the domain's `TrainerTeam.ready`)."""
    member = trainer_members.c
    sages = select(func.count()).where(member.trainer_team_id == team_id).scalar_subquery()
    leads = (
        select(func.count())
        .where(member.trainer_team_id == team_id, member.lead.is_(true()))
        .where(member.lead_trained_on.is_not(None))
        .scalar_subquery()
    )
    return and_(sages == TEAM_SIZE, leads == 1)
