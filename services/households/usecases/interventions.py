"""Manage use cases: interventions requested, updated by people, and closed by other services."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from infra.caller import Caller
from infra.client_requests import ClientKey
from infra.errors import Conflict, NotFound, ValidationFailed
from infra.pagination import Page
from infra.versions import require_version
from services.households.db import HouseholdsUnitOfWork
from services.households.domain.household import Household
from services.households.domain.intervention import FundingRequest, Intervention
from services.households.domain.policy import CASE_WORKERS
from services.households.events import (
    FUNDING_ACCESS_REQUESTED,
    INTERVENTION_REQUESTED,
    INTERVENTION_STATUS_CHANGED,
)
from services.households.settings import Settings
from services.households.usecases.audit import (
    household_values,
    object_values,
    record_case_move,
    record_object,
)
from services.households.usecases.care import maybe_graduate
from services.households.usecases.commands import RequestIntervention, UpdateIntervention
from services.households.usecases.common import (
    ref,
    save_case,
    teamed,
    visible_household,
    workable_household,
)
from services.households.vocabulary import Kind, Stage, Status

MANAGING_STAGES = (Stage.MANAGE, Stage.CARE)


def request_intervention(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: RequestIntervention,
    now: datetime,
) -> Intervention:
    """Idempotent per client key: a resent request returns the intervention it made (as it is
    now)."""
    item = _intervention(household_id, caller, command, now)
    key = ClientKey("request_intervention", household_id, asdict(command))
    with uow, uow.if_taken():  # a resend racing its first send: 409, never a 500
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        if (first := key.answered(uow.client_requests, household_id)) is not None:
            return _requested(uow, first["intervention_id"])
        if household.stage not in MANAGING_STAGES:
            raise Conflict(
                f"interventions carry out an approved plan (stages manage and care), "
                f"not stage {household.stage.value}",
                allowed=[],
                stage=household.stage.value,
            )
        uow.interventions.add(item)
        record_object(uow, caller, household, item, "requested", {}, now)
        key.remember(uow.client_requests, household_id, {"intervention_id": item.id}, now)
        _announce_request(uow, household, item)
        uow.commit()
    return item


def update_intervention(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    intervention_id: str,
    command: UpdateIntervention,
    expected_version: int | None,
    settings: Settings,
    now: datetime,
) -> Intervention:
    with uow:
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        item = uow.interventions.get(intervention_id)
        if item is None or item.household_id != household_id:
            raise NotFound(f"intervention {intervention_id} not found")
        require_version(item.version, expected_version, "intervention")
        before, case_before = object_values(item), household_values(household)
        change(uow, household, item, command.status, command.outcome, now)
        record_object(uow, caller, household, item, "updated", before, now)
        if maybe_graduate(uow, household, settings, caller.person_id, now):
            record_case_move(uow, caller, household, case_before, now)
            save_case(uow, household)
        uow.commit()
    return item


def list_interventions(
    uow: HouseholdsUnitOfWork, caller: Caller, household_id: str
) -> Page[Intervention]:
    """Every intervention of the household, oldest first (one page)."""
    with uow:
        visible_household(uow, caller, household_id)
        return Page(uow.interventions.of_household(household_id))


def _requested(uow: HouseholdsUnitOfWork, intervention_id: str) -> Intervention:
    item = uow.interventions.get(intervention_id)
    if item is None:
        raise NotFound(f"intervention {intervention_id} not found")
    return item


def change(
    uow: HouseholdsUnitOfWork,
    household: Household,
    item: Intervention,
    status: Status,
    outcome: str | None,
    now: datetime,
) -> None:
    """Move the intervention to `status` and write it at its next version (also when the move
    is refused: a caller that keeps a late report saves the item as it is)."""
    item.version += 1
    changed = item.change(status, outcome, now)
    uow.interventions.save(item)
    if changed:
        uow.emit(
            INTERVENTION_STATUS_CHANGED,
            {
                **ref(household),
                "intervention_id": item.id,
                "kind": item.kind.value,
                "status": item.status.value,
                "changed_at": now,
            },
        )


def _intervention(
    household_id: str, caller: Caller, command: RequestIntervention, now: datetime
) -> Intervention:
    kind = command.kind
    if kind is Kind.REFERRAL and not command.agency:
        raise ValidationFailed.on("agency", "a referral names the agency it goes to")
    if kind is Kind.FUNDING_ACCESS and not command.funding:
        raise ValidationFailed.on("funding", "funding access needs amount, purpose and term")
    funding = command.funding if kind is Kind.FUNDING_ACCESS else None
    return Intervention(
        household_id=household_id,
        kind=kind,
        owner=command.owner or caller.person_id,
        description=command.description,
        requested_by=caller.person_id,
        requested_at=now,
        agency=command.agency,
        funding=FundingRequest(**asdict(funding)) if funding else None,
    )


def _announce_request(uow: HouseholdsUnitOfWork, household: Household, item: Intervention) -> None:
    uow.emit(
        INTERVENTION_REQUESTED,
        {
            **teamed(household),
            "intervention_id": item.id,
            "kind": item.kind.value,
            "owner": item.owner,
            "agency": item.agency,
            "requested_at": item.requested_at,
        },
    )
    if item.funding is not None:
        head = household.head
        uow.emit(
            FUNDING_ACCESS_REQUESTED,
            {
                **ref(household),
                "intervention_id": item.id,
                "amount_thb": item.funding.amount_thb,
                "purpose": item.funding.purpose,
                "term_months": item.funding.term_months,
                "applicant_first_name": head.first_name,
                "applicant_last_name": head.last_name,
                "requested_at": item.requested_at,
            },
        )
