"""Care use cases: visits, falling income, graduation, and the overdue-visit sweep."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from infra.caller import Caller
from infra.client_requests import ClientKey
from infra.errors import Conflict, ValidationFailed
from infra.logs import get_logger
from infra.pagination import Page
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
from services.households.usecases.audit import (
    household_values,
    record_case_move,
    record_object,
)
from services.households.usecases.commands import LogVisit
from services.households.usecases.common import (
    save_case,
    teamed,
    visible_household,
    workable_household,
)
from services.households.usecases.risk import reassess
from services.households.vocabulary import Stage

log = get_logger(__name__)
CLOCK_SKEW = timedelta(minutes=10)  # phones' clocks run a little ahead


def log_visit(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: LogVisit,
    settings: Settings,
    now: datetime,
) -> Visit:
    """Record a visit (idempotent per client key); may announce falling income or graduation."""
    key = ClientKey("log_visit", household_id, asdict(command))
    with uow, uow.if_taken():  # a resend racing its first send: 409, never a 500
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        if (first := key.answered(uow.client_requests, household_id)) is not None:
            return _logged(uow, first["visit_id"])
        _require_open_case(household)
        if command.visited_at > now + CLOCK_SKEW:
            raise ValidationFailed.on("visited_at", "must not be in the future")
        visit, case_before = _visit(household, caller, command, now), household_values(household)
        previous = uow.visits.recent_assessments(household_id, GRADUATION_ASSESSMENTS)
        uow.visits.add(visit)
        record_object(uow, caller, household, visit, "logged", {}, now)
        key.remember(uow.client_requests, household_id, {"visit_id": visit.id}, now)
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
        record_case_move(uow, caller, household, case_before, now)
        save_case(uow, household)
        reassess(uow, [household.id], settings, now, caller.person_id)
        uow.commit()
    return visit


def _logged(uow: HouseholdsUnitOfWork, visit_id: str) -> Visit:
    visit = uow.visits.get(visit_id)
    if visit is None:  # visits are never deleted: a bug, not the caller's
        raise LookupError(f"the visit {visit_id} a client key answers is missing")
    return visit


def list_visits(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, limit: int
) -> Page[Visit]:
    """The latest visits, newest first (one page: older ones are not listed)."""
    with uow:
        visible_household(uow, caller, household_id)
        return Page(uow.visits.recent(household_id, limit))


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
    uow: HouseholdsUnitOfWork,
    today: date,
    now: datetime,
    settings: Settings | None = None,
    batch: int = 500,
) -> int:
    """Publish `visit_overdue` once per overdue visit, however often and wherever this runs; a
    missed visit is a risk signal, so its case is reassessed with it."""
    with uow:
        announced, missed = 0, []
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
                missed.append(row.id)
        reassess(uow, missed, settings or Settings(), now)
        uow.commit()
    if announced:
        log.info("visits.overdue_announced", count=announced)
    return announced


def _visit(household: Household, caller: Caller, command: LogVisit, now: datetime) -> Visit:
    income = command.annual_income_thb
    per_person = None if income is None else income_per_person(income, household.household_size)
    return Visit(
        household_id=household.id,
        visited_at=command.visited_at,
        visited_by=caller.person_id,
        recorded_at=now,
        notes=command.notes,
        wellbeing=command.wellbeing,
        annual_income_thb=income,
        income_per_person_thb=per_person,
        problems=command.problems,
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
