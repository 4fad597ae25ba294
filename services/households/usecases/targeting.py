"""Targeting (D3.1): judge an area's BMN results for a survey year, target the households that
need help, in batches, each committed with its `household_targeted` events.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from infra.caller import Caller
from infra.errors import PreconditionFailed
from infra.logs import get_logger
from services.households.db import HouseholdsUnitOfWork
from services.households.db.queries import Surveyed
from services.households.domain import case
from services.households.domain.policy import REGISTRARS, require_area
from services.households.domain.targeting import Assessment, income_per_person, threshold_for
from services.households.events import HOUSEHOLD_TARGETED
from services.households.settings import Settings
from services.households.usecases.audit import record_targeting
from services.households.usecases.commands import TargetHouseholds
from services.households.usecases.common import ref, save_case

log = get_logger(__name__)
BATCH = 500
# A household of the batch may change between its read and its write (an assignment's event, a
# visit): the batch rolls back and is judged again from fresh rows, a few times before giving up.
ATTEMPTS = 5


def target_households(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    command: TargetHouseholds,
    settings: Settings,
    now: datetime,
) -> dict[str, int]:
    caller.require(*REGISTRARS)
    area, year = command.area_code, command.survey_year
    require_area(caller, area, "area_code")
    threshold = threshold_for(settings.income_thresholds_thb, year)
    assessed = targeted = 0
    after: str | None = None
    while True:
        so_far = (assessed, targeted)
        found, batch_targeted = _judge_batch(uow, area, year, after, threshold, caller, now, so_far)
        targeted += batch_targeted
        assessed += len(found)
        if len(found) < BATCH:
            break
        after = found[-1].household.id
    log.info("households.targeted", area=area, survey_year=year, targeted=targeted)
    return {"assessed": assessed, "targeted": targeted, "survey_year": year}


def _judge_batch(
    uow: HouseholdsUnitOfWork,
    area: str,
    year: int,
    after: str | None,
    threshold: Decimal,
    caller: Caller,
    now: datetime,
    so_far: tuple[int, int],
) -> tuple[list[Surveyed], int]:
    """One batch in one transaction, judged again when one of its households changed meanwhile.
    The last batch records the run's one audit entry with the counts of the whole run."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with uow:
                found = uow.queries.untargeted_with_survey(area, year, after, BATCH)
                targeted = sum(
                    _judge(uow, s, year, threshold, caller.person_id, now) for s in found
                )
                if len(found) < BATCH:
                    counts = {"assessed": so_far[0] + len(found), "targeted": so_far[1] + targeted}
                    record_targeting(uow, caller, area, year, counts, now)
                uow.commit()
            return found, targeted
        except PreconditionFailed:
            if attempt == ATTEMPTS:
                raise
            log.info("households.targeting_batch_retried", area=area, attempt=attempt)
    raise AssertionError("unreachable")


def _judge(
    uow: HouseholdsUnitOfWork,
    surveyed: Surveyed,
    year: int,
    threshold: Decimal,
    by: str,
    now: datetime,
) -> int:
    income_pp = income_per_person(surveyed.income_thb, surveyed.size)
    assessment = Assessment(year, income_pp, surveyed.failed_count, threshold)
    if not assessment.is_target:
        return 0
    household = surveyed.household
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
