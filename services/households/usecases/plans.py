"""Compass use cases: draft, submit, approve or return the household plan."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, NotFound
from infra.pagination import Page
from infra.versions import require_version
from services.households.db import HouseholdsUnitOfWork
from services.households.domain import case
from services.households.domain.household import Household
from services.households.domain.plan import Plan, PlanStatus
from services.households.domain.policy import CASE_WORKERS, may_approve_plan
from services.households.events import PLAN_APPROVED, PLAN_RETURNED, PLAN_SUBMITTED
from services.households.usecases.audit import (
    household_values,
    object_values,
    record_case_move,
    record_object,
)
from services.households.usecases.commands import ReturnPlan, SavePlan
from services.households.usecases.common import (
    ref,
    save_case,
    teamed,
    visible_household,
    workable_household,
)
from services.households.vocabulary import Stage

PLANNING_STAGES = (Stage.COMPASS, Stage.MANAGE, Stage.CARE)


def save_plan(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: SavePlan,
    expected_version: int | None,
    now: datetime,
) -> Plan:
    """Edit the open draft, or open one: the first plan, or the next version of an approved one."""
    content = _content(command)
    with uow:
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        _require_planning(household)
        plan = uow.plans.latest(household_id)
        if plan is None or plan.status is PlanStatus.APPROVED:
            plan = _new_draft(plan, household_id, caller.person_id, now)
            plan.edit(content)
            uow.plans.add(plan)
            record_object(uow, caller, household, plan, "drafted", {}, now)
        else:
            require_version(plan.version, expected_version, "plan")
            before = object_values(plan)
            plan.edit(content)
            plan.version += 1  # the new version: saved while the row holds the one before
            uow.plans.save(plan)
            record_object(uow, caller, household, plan, "edited", before, now)
        uow.commit()
    return plan


def submit_plan(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    expected_version: int | None,
    now: datetime,
) -> Plan:
    with uow:
        household = workable_household(uow, caller, household_id, CASE_WORKERS)
        plan = _current(uow, household, expected_version)
        before = object_values(plan)
        plan.submit(caller.person_id, now)
        plan.version += 1
        uow.plans.save(plan)
        record_object(uow, caller, household, plan, "submitted", before, now)
        uow.emit(
            PLAN_SUBMITTED,
            {
                **teamed(household),
                **_plan_ref(plan),
                "submitted_by": caller.person_id,
                "submitted_at": now,
            },
        )
        uow.commit()
    return plan


def approve_plan(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    expected_version: int | None,
    now: datetime,
) -> Plan:
    """Freezes this plan version; the first approval moves the case from compass to manage."""
    with uow:
        household = visible_household(uow, caller, household_id, for_update=True)
        plan = _current(uow, household, expected_version)
        may_approve_plan(caller, household.village_code, plan.submitted_by)
        before, case_before = object_values(plan), household_values(household)
        plan.approve(caller.person_id, now)
        plan.version += 1
        uow.plans.save(plan)
        record_object(uow, caller, household, plan, "approved", before, now)
        uow.emit(
            PLAN_APPROVED,
            {
                **ref(household),
                **_plan_ref(plan),
                "approved_by": caller.person_id,
                "approved_at": now,
            },
        )
        if household.stage is Stage.COMPASS:
            case.move(
                household, Stage.MANAGE, caller.person_id, f"plan {plan.number} approved", now
            )
            record_case_move(uow, caller, household, case_before, now)
            save_case(uow, household)
        uow.commit()
    return plan


def return_plan(
    uow: HouseholdsUnitOfWork,
    caller: Caller,
    household_id: str,
    command: ReturnPlan,
    expected_version: int | None,
    now: datetime,
) -> Plan:
    with uow:
        household = visible_household(uow, caller, household_id, for_update=True)
        plan = _current(uow, household, expected_version)
        may_approve_plan(caller, household.village_code, plan.submitted_by)
        before = object_values(plan)
        plan.return_(caller.person_id, command.reason, now)
        plan.version += 1
        uow.plans.save(plan)
        record_object(uow, caller, household, plan, "returned", before, now, reason=command.reason)
        uow.emit(
            PLAN_RETURNED,
            {
                **ref(household),
                **_plan_ref(plan),
                "returned_by": caller.person_id,
                "reason": command.reason,
                "returned_at": now,
            },
        )
        uow.commit()
    return plan


def list_plans(uow: HouseholdsUnitOfWork, caller: Caller, household_id: str) -> Page[Plan]:
    """Every version of the household's plan, oldest first, on one page."""
    with uow:
        visible_household(uow, caller, household_id)
        return Page(uow.plans.all_of(household_id))


def current_plan(uow: HouseholdsUnitOfWork, caller: Caller, household_id: str) -> Plan:
    """The household's latest plan (the open draft, the one waiting, or the last approved), for
    those who may read the household: the version a change to it sends as If-Match."""
    with uow:
        household = visible_household(uow, caller, household_id)
        return _current(uow, household, None)


def _current(uow: HouseholdsUnitOfWork, household: Household, expected: int | None) -> Plan:
    plan = uow.plans.latest(household.id)
    if plan is None:
        raise NotFound("this household has no plan yet")
    require_version(plan.version, expected, "plan")
    return plan


def _require_planning(household: Household) -> None:
    if household.stage not in PLANNING_STAGES:
        raise Conflict(
            f"plans are made in stages compass, manage and care, not {household.stage.value}",
            allowed=[],
            stage=household.stage.value,
        )


def _new_draft(approved: Plan | None, household_id: str, by: str, now: datetime) -> Plan:
    if approved is not None:
        return approved.next_draft(by, now)
    return Plan(household_id=household_id, number=1, created_by=by, created_at=now)


def _content(command: SavePlan) -> dict[str, Any]:
    return {
        "problems": list(command.problems),
        "needs": list(command.needs),
        "goals": list(command.goals),
        "livelihood": command.livelihood,
        "requested_support": list(command.requested_support),
    }


def _plan_ref(plan: Plan) -> dict[str, Any]:
    return {"plan_id": plan.id, "plan_version": plan.number}
