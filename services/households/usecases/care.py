"""Care use cases: visits, falling income, graduation, and the overdue-visit sweep."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, ValidationFailed
from infra.logs import get_logger
from services.households.dates import today
from services.households.db import HouseholdsUnitOfWork
from services.households.db.care import Assessment
from services.households.domain import case
from services.households.domain.care import GRADUATION_ASSESSMENTS, Visit, graduates, income_fell
from services.households.domain.household import Household
from services.households.domain.policy import CASE_WORKERS
from services.households.domain.stages import END_STATES
from services.households.domain.targeting import income_per_person, threshold_for
from services.households.events import (
    HOUSEHOLD_GRADUATED,
    HOUSEHOLD_INCOME_FELL,
    VISIT_LOGGED,
    VISIT_OVERDUE,
)
from services.households.settings import Settings
from services.households.usecases.common import (
    save_case,
    teamed,
    visible_household,
    workable_household,
)
from services.households.vocabulary import Stage

log = get_logger(__name__)
CLOCK_SKEW = timedelta(minutes=10)  # phones' clocks run a little ahead


def log_visit(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: dict[str, Any],
    settings: Settings,
    now: datetime,
) -> Visit:
    """Record a visit (idempotent per client key); may announce falling income or graduation."""
    with uow:
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        key = command.get("client_key")
        if key and (done := uow.visits.by_client_key(household_id, key)):
            return done
        _require_open_case(household)
        if command["visited_at"] > now + CLOCK_SKEW:
            raise ValidationFailed.on("visited_at", "must not be in the future")
        visit = _visit(household, caller, command, now)
        previous = uow.visits.recent_assessments(household_id, GRADUATION_ASSESSMENTS)
        uow.visits.add(visit)
        uow.emit(
            VISIT_LOGGED,
            {
                **teamed(household),
                "visit_id": visit.id,
                "visited_at": visit.visited_at,
                "visited_by": visit.visited_by,
                "wellbeing": visit.wellbeing,
            },
        )
        _announce_fall(uow, household, visit, [a.income_pp for a in previous])
        case.visit_logged(household, today(visit.visited_at), _interval(household, settings))
        incomes = _latest_incomes(previous, visit)
        maybe_graduate(uow, household, settings, caller.person_id, now, incomes)
        save_case(uow, household)
        uow.commit()
    return visit


def list_visits(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, limit: int
) -> list[Visit]:
    with uow:
        visible_household(uow, caller, household_id)
        return uow.visits.recent(household_id, limit)


def maybe_graduate(
    uow: HouseholdsUnitOfWork,
    household: Household,
    settings: Settings,
    by: str,
    now: datetime,
    incomes: list[Decimal] | None = None,
) -> bool:
    """D3.4: graduate a case in care whose last two assessments meet the threshold, all closed.

    `incomes`: the latest assessments' income per person, newest first, when the caller has them.
    """
    if household.stage is not Stage.CARE or household.targeting is None:
        return False
    threshold = threshold_for(settings.income_thresholds_thb, household.targeting.survey_year)
    if incomes is None:
        incomes = uow.visits.recent_incomes_pp(household.id, GRADUATION_ASSESSMENTS)
    if not graduates(incomes, threshold, 0):  # the income rule first: counting costs a query
        return False
    if not graduates(incomes, threshold, uow.interventions.open_count(household.id)):
        return False
    case.move(household, Stage.GRADUATED, by, "income at or above the threshold twice", now)
    uow.emit(
        HOUSEHOLD_GRADUATED,
        {**teamed(household), "graduated_at": now, "monitoring_until": household.monitoring_until},
    )
    return True


def announce_overdue_visits(
    uow: HouseholdsUnitOfWork, today: date, now: datetime, batch: int = 500
) -> int:
    """Publish `visit_overdue` once per overdue visit, however often and wherever this runs."""
    with uow:
        announced = 0
        for row in uow.visits.overdue(today, batch):
            if uow.visits.announce_overdue(row.id, row.next_visit_due, now):
                uow.emit(
                    VISIT_OVERDUE,
                    {
                        "household_id": row.id,
                        "village_code": row.village_code,
                        "team_id": row.team_id,
                        "due_on": row.next_visit_due,
                        "detected_at": now,
                    },
                )
                announced += 1
        uow.commit()
    if announced:
        log.info("visits.overdue_announced", count=announced)
    return announced


def _visit(household: Household, caller: Caller, command: dict[str, Any], now: datetime) -> Visit:
    income = command.get("annual_income_thb")
    per_person = None if income is None else income_per_person(income, household.household_size)
    return Visit(
        household_id=household.id,
        visited_at=command["visited_at"],
        visited_by=caller.person_id,
        recorded_at=now,
        notes=command["notes"],
        wellbeing=command["wellbeing"],
        annual_income_thb=income,
        income_per_person_thb=per_person,
        problems=tuple(command.get("problems") or ()),
        client_key=command.get("client_key"),
    )


def _latest_incomes(previous: list[Assessment], visit: Visit) -> list[Decimal]:
    """The latest assessments once `visit` is added, ordered as the visits table orders them."""
    assessments = list(previous)
    if visit.income_per_person_thb is not None:
        assessments.append(
            Assessment(visit.visited_at, visit.recorded_at, visit.income_per_person_thb)
        )
    assessments.sort(key=lambda a: (a.visited_at, a.recorded_at), reverse=True)
    return [a.income_pp for a in assessments[:GRADUATION_ASSESSMENTS]]


def _announce_fall(
    uow: HouseholdsUnitOfWork, household: Household, visit: Visit, previous: list[Any]
) -> None:
    before = previous[0] if previous else _registry_income_pp(household)
    if income_fell(before, visit.income_per_person_thb):
        uow.emit(
            HOUSEHOLD_INCOME_FELL,
            {
                **teamed(household),
                "visit_id": visit.id,
                "previous_income_per_person_thb": before,
                "income_per_person_thb": visit.income_per_person_thb,
            },
        )


def _registry_income_pp(household: Household) -> Any:
    if household.targeting is not None:
        return household.targeting.income_per_person_thb
    return household.income_per_person_thb


def _require_open_case(household: Household) -> None:
    if household.stage in END_STATES or household.stage is Stage.REGISTERED:
        raise Conflict(
            f"visits are logged on open cases, not in stage {household.stage.value}",
            allowed=[],
            stage=household.stage.value,
        )


def _interval(household: Household, settings: Settings) -> int:
    return household.visit_interval_days or settings.visit_interval_days
