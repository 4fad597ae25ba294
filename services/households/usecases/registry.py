"""Registry use cases: register, read, update and list households."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from infra.caller import Caller
from infra.client_requests import ClientKey
from infra.errors import Conflict, FieldError, KeyTaken, ValidationFailed
from infra.logs import get_logger
from infra.money import to_satang
from infra.versions import require_version
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.household import Household, Member
from services.households.domain.policy import REGISTRARS, require_area
from services.households.domain.risk import CaseRisk
from services.households.events import HOUSEHOLD_REGISTERED
from services.households.usecases.audit import household_values, record_household
from services.households.usecases.commands import (
    KEEP,
    BmnResult,
    Keep,
    RegisterHousehold,
    UpdateHousehold,
)
from services.households.usecases.common import (
    save_case,
    visible_household,
    workable_household,
)

log = get_logger(__name__)
ALREADY_REGISTERED = "already belongs to another active household"
T = TypeVar("T")


def register_household(
    uow: HouseholdsUnitOfWork, caller: Caller, command: RegisterHousehold, now: datetime
) -> dict[str, Any]:
    """Register a household. With a client key (the request's Idempotency-Key) a repeat of the
    same request, even one whose first answer timed out, gets the first answer."""
    caller.require(*REGISTRARS)
    key = ClientKey("register_household", caller.person_id, asdict(command))
    if (first := _registered_before(uow, caller, key)) is not None:
        return first
    household = Household.register(
        command.village_code,
        [Member(**asdict(member)) for member in command.members],
        now,
        command.annual_income_thb,
        size=command.size,
        house_no=command.house_no,
    )
    require_area(caller, household.village_code)
    try:
        with uow, uow.if_taken():  # inserts run at once: a race loses at one of them or at commit
            answer = _register(uow, caller, household, command, key, now)
    except KeyTaken:  # a concurrent registration took the key or one of the IDs first
        if (first := _registered_before(uow, caller, key)) is not None:
            return first
        raise Conflict(f"a member {ALREADY_REGISTERED}") from None
    log.info("household.registered", household_id=household.id, village_code=household.village_code)
    return answer


def _register(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household: Household,
    command: RegisterHousehold,
    key: ClientKey,
    now: datetime,
) -> dict[str, Any]:
    _refuse_members_of_other_households(uow, household)
    if command.bmn:
        household.latest_survey_year = command.bmn.survey_year
    uow.households.add(household)
    answer = {"id": household.id, "version": household.version}
    key.remember(uow.client_requests, caller.person_id, answer, now)
    if command.bmn:
        uow.visits.add_survey(_survey_row(household, command.bmn, now))
    record_household(uow, caller, household, "registered", {}, now)
    uow.emit(HOUSEHOLD_REGISTERED, registered_event(household))
    uow.commit()
    return answer


def _registered_before(
    uow: HouseholdsUnitOfWork, caller: Caller, key: ClientKey
) -> dict[str, Any] | None:
    """The first answer to this person's request with this key (409 if the key served another),
    read in a transaction of its own: it may run before or after the registration's."""
    if key.key is None:
        return None
    with uow.sibling() as fresh:
        return key.answered(fresh.client_requests, caller.person_id)


def get_household(uow: HouseholdsUnitOfWork, caller: Caller, household_id: str) -> dict[str, Any]:
    with uow:
        household = visible_household(uow, caller, household_id)
        return {
            "household": household,
            "transitions": uow.households.transitions(household_id),
            "risk": uow.risks.assessment(household_id) or CaseRisk(),
        }


def update_household(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: UpdateHousehold,
    expected_version: int | None,
    now: datetime,
) -> Household:
    """Registry corrections: income, size, house number (members change by re-registration)."""
    if not command.reason.strip():
        raise ValidationFailed.on("reason", "a correction of the registry needs a reason")
    with uow:
        household = workable_household(uow, caller, household_id, REGISTRARS)
        require_version(household.version, expected_version, "household")
        before = household_values(household)
        checked = Household.register(
            household.village_code,
            household.members,
            household.registered_at,
            _given(command.annual_income_thb, household.annual_income_thb),
            size=_given(command.size, household.size),
        )
        household.annual_income_thb, household.size = checked.annual_income_thb, checked.size
        household.house_no = _given(command.house_no, household.house_no)
        save_case(uow, household)
        record_household(uow, caller, household, "corrected", before, now, command.reason)
        uow.commit()
    return household


def _given(value: T | Keep, stored: T) -> T:
    return stored if value is KEEP else value  # type: ignore[return-value]


def _refuse_members_of_other_households(uow: HouseholdsUnitOfWork, household: Household) -> None:
    ids = [m.national_id for m in household.members]
    taken = uow.households.national_ids_in_use(ids)
    if taken:
        raise Conflict(
            f"a member {ALREADY_REGISTERED}",
            [
                FieldError(f"members.{i}.national_id", ALREADY_REGISTERED)
                for i, nid in enumerate(ids)
                if nid in taken
            ],
        )


def _survey_row(household: Household, bmn: BmnResult, now: datetime) -> dict[str, Any]:
    failed = sorted(set(bmn.failed_indicators))
    return {
        "household_id": household.id,
        "survey_year": bmn.survey_year,
        "size": household.household_size,
        "annual_income_satang": to_satang(household.annual_income_thb or Decimal(0)),
        "failed_indicators": ",".join(failed),
        "failed_count": len(failed),
        "recorded_at": now,
    }


def registered_event(household: Household) -> dict[str, Any]:
    return {
        "household_id": household.id,
        "village_code": household.village_code,
        "member_count": household.household_size,
        "registered_at": household.registered_at,
    }
