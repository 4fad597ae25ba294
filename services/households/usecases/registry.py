"""Registry use cases: register, read, update and list households."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, KeyTaken, ValidationFailed
from infra.logs import get_logger
from infra.money import to_satang
from infra.versions import require_version
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.household import Household, Member
from services.households.domain.policy import REGISTRARS, require_area
from services.households.events import HOUSEHOLD_REGISTERED
from services.households.usecases.common import (
    save_case,
    visible_household,
    workable_household,
)

log = get_logger(__name__)
ALREADY_REGISTERED = "already belongs to another active household"


def register_household(
    uow: HouseholdsUnitOfWork, caller: Caller, command: dict[str, Any], now: datetime
) -> dict[str, Any]:
    """Register a household. With a client key (the request's Idempotency-Key) a repeat of the
    same request, even one whose first answer timed out, gets the first answer."""
    caller.require(*REGISTRARS)
    key = command.get("client_key")
    digest = _fingerprint(command)
    if key and (first := _registered_before(uow, caller, key, digest)):
        return first
    household = Household.register(
        command["village_code"],
        [Member(**member) for member in command["members"]],
        now,
        command.get("annual_income_thb"),
        size=command.get("size"),
        house_no=command.get("house_no"),
    )
    require_area(caller, household.village_code)
    try:
        with uow, uow.if_taken():  # inserts run at once: a race loses at one of them or at commit
            _refuse_members_of_other_households(uow, household)
            if command.get("bmn"):
                household.latest_survey_year = command["bmn"]["survey_year"]
            uow.households.add(household)
            if key:
                uow.households.remember_registration(caller.person_id, key, digest, household)
            if command.get("bmn"):
                uow.visits.add_survey(_survey_row(household, command["bmn"], now))
            uow.emit(HOUSEHOLD_REGISTERED, registered_event(household))
            uow.commit()
    except KeyTaken:  # a concurrent registration took the key or one of the IDs first
        if key and (first := _registered_before(uow, caller, key, digest)):
            return first
        raise Conflict(f"a member {ALREADY_REGISTERED}") from None
    log.info("household.registered", household_id=household.id, village_code=household.village_code)
    return {"id": household.id, "version": household.version}


def _registered_before(
    uow: HouseholdsUnitOfWork, caller: Caller, key: str, digest: str
) -> dict[str, Any] | None:
    """The first answer to this person's request with this key; 422 if the key served another."""
    with uow.sibling() as fresh:
        first = fresh.households.registration(caller.person_id, key)
    if first is None:
        return None
    if first.fingerprint != digest:
        raise ValidationFailed.on("client_key", "already used for a different registration")
    return {"id": first.household_id, "version": first.version}


def _fingerprint(command: dict[str, Any]) -> str:
    request = {k: v for k, v in command.items() if k != "client_key"}
    return hashlib.sha256(json.dumps(request, sort_keys=True, default=str).encode()).hexdigest()


def get_household(uow: HouseholdsUnitOfWork, caller: Caller, household_id: str) -> dict[str, Any]:
    with uow:
        household = visible_household(uow, caller, household_id)
        return {"household": household, "transitions": uow.households.transitions(household_id)}


def update_household(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: dict[str, Any],
    expected_version: int | None,
) -> Household:
    """Registry corrections: income, size, house number (members change by re-registration)."""
    with uow:
        household = workable_household(uow, caller, household_id, REGISTRARS)
        require_version(household.version, expected_version, "household")
        checked = Household.register(
            household.village_code,
            household.members,
            household.registered_at,
            command.get("annual_income_thb", household.annual_income_thb),
            size=command.get("size", household.size),
        )
        household.annual_income_thb, household.size = checked.annual_income_thb, checked.size
        household.house_no = command.get("house_no", household.house_no)
        save_case(uow, household)
        uow.commit()
    return household


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


def _survey_row(household: Household, bmn: dict[str, Any], now: datetime) -> dict[str, Any]:
    failed = sorted(set(bmn["failed_indicators"]))
    return {
        "household_id": household.id,
        "survey_year": bmn["survey_year"],
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
