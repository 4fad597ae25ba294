"""Reading the audit trail: a household's, a plan's or an intervention's history, and the search
per area and period (`infra.audit_reads`)."""

from __future__ import annotations

from datetime import date

from infra.audit import AuditEntry
from infra.audit_reads import AuditSearch
from infra.audit_reads import search_audit as search_trail
from infra.caller import Caller
from infra.errors import NotFound
from infra.pagination import Page
from services.households.db import HouseholdsUnitOfWork
from services.households.usecases.audit import HOUSEHOLD
from services.households.usecases.common import visible_household

__all__ = ["AuditSearch", "household_history", "object_history", "search_audit"]


def household_history(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str, after: str | None, limit: int
) -> Page[AuditEntry]:
    """The household's entries, newest first, for whoever may read the household."""
    with uow:
        visible_household(uow, caller, household_id)
        return uow.audit.history(HOUSEHOLD, household_id, after, limit)


def object_history(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    target: tuple[str, str],
    after: str | None,
    limit: int,
) -> Page[AuditEntry]:
    """A plan's or an intervention's entries, for whoever may read its household."""
    object_type, object_id = target
    with uow:
        visible_household(uow, caller, household_id)
        if not _belongs(uow, household_id, object_type, object_id):
            raise _missing(object_type, household_id)
        return uow.audit.history(object_type, object_id, after, limit)


def search_audit(
    uow: HouseholdsUnitOfWork, caller: Caller, query: AuditSearch, today: date
) -> Page[AuditEntry]:
    """Entries of the area (the parts of it the caller is responsible for) in the period."""
    with uow:
        return search_trail(uow.audit, caller, query, today)


def _belongs(
    uow: HouseholdsUnitOfWork, household_id: str, object_type: str, object_id: str
) -> bool:
    if object_type == "plan":
        return any(plan.id == object_id for plan in uow.plans.all_of(household_id))
    intervention = uow.interventions.get(object_id)
    return intervention is not None and intervention.household_id == household_id


def _missing(object_type: str, household_id: str) -> NotFound:
    if object_type == "plan":
        return NotFound(f"no such plan of household {household_id}")
    return NotFound(f"no such intervention of household {household_id}")
