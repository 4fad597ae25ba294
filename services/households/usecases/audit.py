"""Audit entries of the households use cases: one per change, in the change's transaction.

Values are stored as the domain has them (national IDs whole); a read masks them for a caller
who may not see them (`entrypoints/audit.py`), as the household read does."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from infra.audit import area_of, changes
from infra.caller import Caller
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.household import Household

HOUSEHOLD = "household"


def household_values(household: Household) -> dict[str, Any]:
    """The fields of a household and its case that an entry follows."""
    consent = household.consent
    return {
        "village_code": household.village_code,
        "house_no": household.house_no,
        "size": household.size,
        "annual_income_thb": household.annual_income_thb,
        "members": [asdict(member) for member in household.members],
        "stage": household.stage.value,
        "merged_into": household.merged_into,
        "consented": consent.consented if consent else None,
        "consent_note": consent.note if consent else None,
    }


def record_household(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household: Household,
    action: str,
    before: dict[str, Any],
    now: datetime,
    reason: str | None = None,
) -> None:
    """One entry for a change of the household (`before`: its values before; {} when new)."""
    record(
        uow,
        caller,
        household,
        (HOUSEHOLD, household.id),
        action,
        now,
        reason=reason,
        changed=changes(_jsonable(before), _jsonable(household_values(household))),
    )


def record_case_move(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household: Household,
    before: dict[str, Any],
    now: datetime,
) -> None:
    """An entry for a move of the case that another change brought about (a plan approved, a
    graduation), when it did move."""
    if household.stage.value != before["stage"]:
        reason = household.new_transitions[-1].reason if household.new_transitions else None
        record_household(uow, caller, household, "stage_changed", before, now, reason)


def object_values(item: Any) -> dict[str, Any]:
    """A plan's, an intervention's or a visit's fields (a dataclass), as JSON has them."""
    return _jsonable(asdict(item))


def record_object(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household: Household,
    item: Any,
    action: str,
    before: dict[str, Any],
    now: datetime,
    reason: str | None = None,
) -> None:
    """One entry for a change of a plan, an intervention or a visit of the household."""
    target = (type(item).__name__.lower(), item.id)
    changed = changes(before, object_values(item))
    record(uow, caller, household, target, action, now, changed=changed, reason=reason)


def record(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household: Household,
    target: tuple[str, str],
    action: str,
    now: datetime,
    *,
    changed: dict[str, Any],
    reason: str | None = None,
) -> None:
    """One entry for a change of an object of this household (a plan, an intervention...)."""
    object_type, object_id = target
    uow.audit.record(
        object_type=object_type,
        object_id=object_id,
        area_code=household.village_code,
        action=action,
        actor_id=caller.person_id,
        at=now,
        changed=changed,
        reason=reason,
    )


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Values as they read back from JSON, so that a Decimal and its text compare equal."""
    return json.loads(json.dumps(values, default=str))


def record_import(
    uow: HouseholdsUnitOfWork, job: Any, status: str, tambons: list[str], now: datetime
) -> None:
    """One entry for a whole BMN import when it ends (who, which file, the counts), not one per
    row: the rows' households carry the import in their survey results."""
    counts = {
        name: getattr(job, name) for name in ("rows_read", "accepted", "unchanged", "rejected")
    }
    uow.audit.record(
        object_type="household_import",
        object_id=job.id,
        area_code=area_of(tambons),
        action=f"import_{status}",
        actor_id=job.created_by,
        at=now,
        changed={
            "file_name": [None, job.file_name],
            "survey_year": [None, job.survey_year],
            **{name: [None, value] for name, value in counts.items()},
        },
    )


def record_targeting(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    area: str,
    year: int,
    counts: dict[str, int],
    now: datetime,
) -> None:
    """One entry for a targeting run of an area and survey year (its counts), not one per
    household: each targeted household's case shows the targeting."""
    uow.audit.record(
        object_type="targeting_run",
        object_id=f"{area}:{year}",
        area_code=area_of([area]),
        action="targeted",
        actor_id=caller.person_id,
        at=now,
        changed={name: [None, value] for name, value in {"survey_year": year, **counts}.items()},
    )
