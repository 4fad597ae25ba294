"""Targeting (D3.1): judge an area's BMN results for a survey year, target the households that
need help, in batches, each committed with its `household_targeted` events.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import PreconditionFailed
from infra.logs import get_logger
from infra.money import from_satang
from services.households.db import HouseholdsUnitOfWork
from services.households.db.households import to_household
from services.households.domain import case
from services.households.domain.policy import REGISTRARS, require_area
from services.households.domain.targeting import Assessment, income_per_person, threshold_for
from services.households.events import HOUSEHOLD_TARGETED
from services.households.settings import Settings
from services.households.usecases.common import ref, save_case

log = get_logger(__name__)
BATCH = 500
# A household of the batch may change between its read and its write (an assignment's event, a
# visit): the batch rolls back and is judged again from fresh rows, a few times before giving up.
ATTEMPTS = 5


def target_households(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    command: dict[str, Any],
    settings: Settings,
    now: datetime,
) -> dict[str, int]:
    caller.require(*REGISTRARS)
    area, year = command["area_code"], command["survey_year"]
    require_area(caller, area, "area_code")
    threshold = threshold_for(settings.income_thresholds_thb, year)
    assessed = targeted = 0
    after: str | None = None
    while True:
        rows, batch_targeted = _judge_batch(uow, area, year, after, threshold, caller, now)
        targeted += batch_targeted
        assessed += len(rows)
        if len(rows) < BATCH:
            break
        after = rows[-1].id
    log.info("households.targeted", area=area, survey_year=year, targeted=targeted)
    return {"assessed": assessed, "targeted": targeted, "survey_year": year}


def _judge_batch(
    uow: HouseholdsUnitOfWork,
    area: str,
    year: int,
    after: str | None,
    threshold: Any,
    caller: Caller,
    now: datetime,
) -> tuple[list[Any], int]:
    """One batch in one transaction, judged again when one of its households changed meanwhile."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with uow:
                rows = uow.queries.untargeted_with_survey(area, year, after, BATCH)
                targeted = sum(_judge(uow, r, year, threshold, caller.person_id, now) for r in rows)
                uow.commit()
            return rows, targeted
        except PreconditionFailed:
            if attempt == ATTEMPTS:
                raise
            log.info("households.targeting_batch_retried", area=area, attempt=attempt)
    raise AssertionError("unreachable")


def _judge(
    uow: HouseholdsUnitOfWork, row: Any, year: int, threshold: Any, by: str, now: datetime
) -> int:
    income_pp = income_per_person(from_satang(row.survey_income_satang), row.survey_size)
    assessment = Assessment(year, income_pp, row.failed_count, threshold)
    if not assessment.is_target:
        return 0
    household = to_household(row, [])
    targeting = case.target(household, assessment, by, now)
    uow.emit(
        HOUSEHOLD_TARGETED,
        {
            **ref(household),
            "survey_year": year,
            "fails_income": targeting.fails_income,
            "failed_indicators": targeting.failed_indicators,
            "income_per_person_thb": targeting.income_per_person_thb,
            "targeted_at": now,
        },
    )
    save_case(uow, household)
    return 1
