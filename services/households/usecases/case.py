"""Case use cases: consent and the moves a person asks for."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller
from infra.errors import NotFound, ValidationFailed
from infra.versions import require_version
from services.households.db import HouseholdsUnitOfWork
from services.households.domain import case
from services.households.domain.household import Consent, Household
from services.households.domain.policy import CASE_WORKERS, STAGE_CHANGERS
from services.households.events import CONSENT_RECORDED
from services.households.settings import Settings
from services.households.usecases.audit import household_values, record_household
from services.households.usecases.commands import ChangeStage, RecordConsent
from services.households.usecases.common import (
    ref,
    save_case,
    visible_household,
    workable_household,
)
from services.households.vocabulary import Stage


def record_consent(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: RecordConsent,
    expected_version: int | None,
    now: datetime,
) -> Household:
    if not command.informed:
        raise ValidationFailed.on("informed", "the household must be told before it answers")
    with uow:
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        require_version(household.version, expected_version, "household")
        before = household_values(household)
        consent = Consent(command.consented, caller.person_id, now, command.note)
        case.record_consent(household, consent)
        uow.emit(
            CONSENT_RECORDED,
            {
                **ref(household),
                "consented": consent.consented,
                "recorded_by": consent.recorded_by,
                "recorded_at": consent.recorded_at,
            },
        )
        save_case(uow, household)
        record_household(uow, caller, household, "consent_recorded", before, now)
        uow.commit()
    return household


def change_stage(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: ChangeStage,
    expected_version: int | None,
    settings: Settings,
    now: datetime,
) -> Household:
    """A move asked for by a person (care <-> manage, moved, deceased, merged...)."""
    to_stage = command.to_stage
    with uow:
        household = workable_household(uow, caller, household_id, STAGE_CHANGERS)
        require_version(household.version, expected_version, "household")
        before = household_values(household)
        if to_stage is Stage.MERGED:
            _merge_into(uow, caller, household, command.merged_into)
        interval = household.visit_interval_days or settings.visit_interval_days
        case.move(
            household,
            to_stage,
            caller.person_id,
            command.reason,
            now,
            manual=True,
            interval_days=interval,
        )
        save_case(uow, household)
        record_household(
            uow, caller, household, "stage_changed", before, now, reason=command.reason
        )
        uow.commit()
    return household


def _merge_into(
    uow: HouseholdsUnitOfWork, caller: Caller, household: Household, target_id: str | None
) -> None:
    if not target_id or target_id == household.id:
        raise ValidationFailed.on("merged_into", "name the other household this one duplicates")
    try:
        visible_household(uow, caller, target_id)
    except NotFound:
        raise ValidationFailed.on("merged_into", "no such household within your reach") from None
    household.merged_into = target_id
