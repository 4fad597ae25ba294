"""Sub-district community plans: recorded and changed by supervisors over the tambon (and
administrators), read by anyone who reads the area."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden, NotFound
from infra.pagination import Page
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.db.common import Reach
from services.teams.db.community_plans import PlanFilter
from services.teams.domain import policy
from services.teams.domain.community_plans import CommunityPlan
from services.teams.sammachip_events import COMMUNITY_PLAN_RECORDED
from services.teams.usecases.commands.community_plans import (
    ChangeCommunityPlan,
    ListCommunityPlans,
    RecordCommunityPlan,
)
from services.teams.usecases.common import found

ALREADY = Conflict(
    "this sub-district already has its plan for that fiscal year; change that one instead",
    [FieldError("tambon_code", "one plan per sub-district and fiscal year")],
)


def may_read(caller: Caller, plan: CommunityPlan) -> bool:
    return policy.reads_area(caller, [plan.tambon_code])


def record_plan(
    uow: TeamsUnitOfWork, caller: Caller, command: RecordCommunityPlan, now: datetime
) -> CommunityPlan:
    tambon = command.tambon_code
    if not policy.manages(caller, [tambon]):
        if not policy.reads_area(caller, [tambon]):
            raise NotFound(f"area {tambon} not found")
        raise Forbidden("only supervisors over the sub-district record its plan")
    plan = CommunityPlan(
        tambon,
        command.fiscal_year,
        command.livelihood_development,
        command.adopted_by_local_government,
        command.note,
        caller.person_id,
        now,
    )
    with uow, uow.if_taken(ALREADY):
        if uow.community_plans.of_tambon(tambon, plan.fiscal_year):
            raise ALREADY
        uow.community_plans.add(plan)
        uow.emit(COMMUNITY_PLAN_RECORDED, _event(plan))
        uow.commit()
    return plan


def change_plan(
    uow: TeamsUnitOfWork,
    caller: Caller,
    plan_id: str,
    command: ChangeCommunityPlan,
    expected_version: int | None,
    now: datetime,
) -> CommunityPlan:
    with uow:
        plan = found(
            uow.community_plans.get(plan_id), "plan", plan_id, lambda p: may_read(caller, p)
        )
        if not policy.manages(caller, [plan.tambon_code]):
            raise Forbidden("only supervisors over the sub-district change its plan")
        require_version(plan.version, expected_version, "plan")
        changed = plan.changed(
            command.livelihood_development,
            command.adopted_by_local_government,
            command.note,
            caller.person_id,
            now,
        )
        uow.community_plans.save(changed)
        uow.emit(COMMUNITY_PLAN_RECORDED, _event(changed))
        uow.commit()
    return changed


def get_plan(uow: TeamsUnitOfWork, caller: Caller, plan_id: str) -> CommunityPlan:
    with uow:
        plan = uow.community_plans.get(plan_id)
    return found(plan, "plan", plan_id, lambda p: may_read(caller, p))


def list_plans(
    uow: TeamsUnitOfWork, caller: Caller, query: ListCommunityPlans
) -> Page[CommunityPlan]:
    reach = Reach(policy.readable_areas(caller), caller.person_id)
    where = PlanFilter(area=query.area, fiscal_year=query.fiscal_year)
    with uow:
        return uow.community_plans.list(reach, where, query.after, query.limit)


def _event(plan: CommunityPlan) -> dict[str, Any]:
    return {
        "plan_id": plan.id,
        "tambon_code": plan.tambon_code,
        "fiscal_year": plan.fiscal_year,
        "livelihood_development": plan.livelihood_development,
        "adopted_by_local_government": plan.adopted_by_local_government,
        "recorded_by": plan.recorded_by,
        "recorded_at": plan.recorded_at,
        "version": plan.version,
    }
