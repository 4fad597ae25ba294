"""The filtered, keyset-paged list of households a caller may see."""

from __future__ import annotations

from datetime import date
from typing import Any

from infra.caller import Caller
from infra.pagination import Page, page
from services.households.db import HouseholdsUnitOfWork
from services.households.db.queries import HouseholdFilter, Reach
from services.households.domain.policy import sees_by_area, sees_by_team
from services.households.usecases.commands import FindHouseholds
from services.households.usecases.common import visible_household


def reach_of(caller: Caller) -> Reach:
    return Reach(
        everything=caller.is_admin,
        teams=caller.teams if sees_by_team(caller) else (),
        areas=caller.areas if sees_by_area(caller) else (),
    )


def find_households(
    uow: HouseholdsUnitOfWork, caller: Caller, query: FindHouseholds, today: date
) -> Page[Any]:
    where = HouseholdFilter(
        area=query.area,
        stage=query.stage,
        team_id=query.team_id,
        fails_income=query.fails_income,
        min_failed_indicators=query.min_failed_indicators,
        overdue_on=today if query.overdue else None,
        plan_waiting=query.plan_waiting,
        risk=query.risk,
        order=query.order,
    )
    with uow:
        rows = uow.queries.households(reach_of(caller), where, query.after, query.limit)
    if where.order == "priority":
        return page(rows, query.limit, key=lambda r: [r.priority_rank, r.id])
    return page(rows, query.limit, key=lambda r: [r.village_code, r.id])


def case_view(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, visits: int
) -> dict[str, Any]:
    """The case as a field worker opens it, read in one transaction: the household, its current
    plan, its latest visits and its interventions."""
    with uow:
        household = visible_household(uow, caller, household_id)
        return {
            "household": household,
            "plan": uow.plans.latest(household_id),
            "visits": uow.visits.recent(household_id, visits),
            "interventions": uow.interventions.of_household(household_id),
        }
