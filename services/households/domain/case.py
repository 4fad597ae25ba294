"""What happens to a case: targeting, consent, stage moves, the visit schedule, graduation."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from infra.errors import Conflict
from services.households.domain.household import Consent, Household, Targeting
from services.households.domain.stages import END_STATES, Transition, check_move
from services.households.domain.targeting import Assessment
from services.households.vocabulary import Stage

MONITORING_MONTHS = 12


def move(
    household: Household,
    to_stage: Stage,
    by: str,
    reason: str,
    at: datetime,
    *,
    manual: bool = False,
    interval_days: int = 30,
) -> Transition:
    """Move the case (guarded), record who/when/why, and keep the visit schedule in step."""
    check_move(household.stage, to_stage, manual=manual)
    transition = Transition(household.stage, to_stage, by, reason, at)
    household.stage = to_stage
    household.new_transitions.append(transition)
    _reschedule(household, to_stage, at.date(), interval_days)
    return transition


def _reschedule(household: Household, stage: Stage, today: date, interval_days: int) -> None:
    if stage in END_STATES:
        household.next_visit_due = None
    elif stage is Stage.GRADUATED:
        household.monitoring_until = add_months(today, MONITORING_MONTHS)
    elif stage is Stage.CARE:
        household.monitoring_until = None
        if household.next_visit_due is None:
            household.next_visit_due = today + timedelta(days=interval_days)


def target(household: Household, assessment: Assessment, by: str, at: datetime) -> Targeting:
    targeting = Targeting(
        survey_year=assessment.survey_year,
        fails_income=assessment.fails_income,
        failed_indicators=assessment.failed_indicators,
        income_per_person_thb=assessment.income_per_person_thb,
        priority_rank=assessment.priority_rank,
        targeted_at=at,
    )
    move(household, Stage.TARGET, by, f"BMN {assessment.survey_year}", at)
    household.targeting = targeting
    return targeting


def record_consent(household: Household, consent: Consent) -> Transition:
    """Yes opens the compass stage; no closes the case as declined, kept for the record."""
    if household.stage is not Stage.TARGET:
        raise Conflict(
            f"consent is recorded in stage target, not {household.stage.value}",
            allowed=[],
            stage=household.stage.value,
        )
    household.consent = consent
    to_stage = Stage.COMPASS if consent.consented else Stage.DECLINED
    reason = "consented" if consent.consented else "declined to take part"
    return move(household, to_stage, consent.recorded_by, reason, consent.recorded_at)


def visit_logged(household: Household, visited_on: date, interval_days: int) -> None:
    """The next visit falls due one interval after this one (while visits are scheduled)."""
    if household.stage is Stage.CARE or _monitoring(household, visited_on):
        due = visited_on + timedelta(days=interval_days)
        until = household.monitoring_until
        household.next_visit_due = None if until and due > until else due


def _monitoring(household: Household, today: date) -> bool:
    until = household.monitoring_until
    return household.stage is Stage.GRADUATED and until is not None and today <= until


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
