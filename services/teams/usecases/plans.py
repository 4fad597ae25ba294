"""Action plans of support organisations: phases, tasks and progress reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.support_organisations import ActionPlan, Organisation, Task
from services.teams.usecases.commands.support_organisations import (
    AddTask,
    AdvancePlan,
    ReportProgress,
    StartPlan,
)
from services.teams.usecases.common import found
from services.teams.usecases.support_organisations import managed, may_read, may_report

TAKEN = Conflict(
    "the organisation already has a plan for this year",
    [FieldError("year", "one plan per organisation and year")],
)


def start_plan(
    uow: TeamsUnitOfWork, caller: Caller, org_id: str, command: StartPlan, now: datetime
) -> ActionPlan:
    if not command.title.strip():
        raise ValidationFailed.on("title", "must not be blank")
    with uow, uow.if_taken(TAKEN):
        org = managed(uow, caller, org_id, None)
        if uow.plans.plan_exists(org.id, command.year):
            raise TAKEN
        plan = ActionPlan(org.id, command.year, command.title.strip(), now)
        uow.plans.add(plan, caller.person_id)
        uow.commit()
    return plan


def advance_plan(
    uow: TeamsUnitOfWork,
    caller: Caller,
    plan_id: str,
    command: AdvancePlan,
    expected_version: int | None,
    now: datetime,
) -> ActionPlan:
    with uow:
        plan, _ = _plan(uow, caller, plan_id, expected_version, manage=True)
        advanced = plan.advance(command.to, command.summary)
        uow.plans.save(advanced)
        uow.plans.log_phase(advanced, command.note, caller.person_id, now)
        uow.commit()
    return advanced


def add_task(
    uow: TeamsUnitOfWork,
    caller: Caller,
    plan_id: str,
    command: AddTask,
    expected_version: int | None,
    now: datetime,
) -> ActionPlan:
    with uow:
        plan, _ = _plan(uow, caller, plan_id, expected_version, manage=True)
        owner = command.owner_id
        if owner is not None and uow.people.get(owner) is None:
            raise ValidationFailed.on("owner_id", "no such person")
        task = Task(command.title.strip(), command.due_on, owner, now)
        changed = plan.add_task(task)
        uow.plans.save(changed)
        uow.commit()
    return changed


def report_progress(
    uow: TeamsUnitOfWork,
    caller: Caller,
    plan_id: str,
    task_id: str,
    command: ReportProgress,
    now: datetime,
) -> ActionPlan:
    with uow:
        plan, _ = _plan(uow, caller, plan_id, None, manage=False)
        if plan.task(task_id) is None:
            raise NotFound(f"task {task_id} not found")
        changed = plan.reported(task_id, command.percent)
        uow.plans.save(changed)
        uow.plans.add_report(
            {
                "task_id": task_id,
                "reported_on": command.reported_on,
                "percent": command.percent,
                "note": command.note,
                "reported_by": caller.person_id,
                "reported_at": now,
            }
        )
        uow.commit()
    return changed


def plan_view(uow: TeamsUnitOfWork, caller: Caller, plan_id: str) -> dict[str, Any]:
    with uow:
        plan = uow.plans.get(plan_id)
        org = uow.organisations.get(plan.organisation_id) if plan else None
        if plan is None or org is None or not may_read(caller, org):
            raise NotFound(f"action plan {plan_id} not found")
        reports = uow.plans.reports_of([t.id for t in plan.tasks])
        return {"plan": plan, "reports": reports, "phases": uow.plans.phases_of(plan.id)}


def _plan(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, expected: int | None, *, manage: bool
) -> tuple[ActionPlan, Organisation]:
    plan = uow.plans.get(plan_id)
    org = uow.organisations.get(plan.organisation_id) if plan else None
    org = found(org, "action plan", plan_id, lambda o: may_read(caller, o))
    if manage:
        managed(uow, caller, org.id, None)
    elif not may_report(caller, org):
        raise Forbidden("only the organisation's reporters and supervisors report progress")
    plan = found(plan, "action plan", plan_id, lambda p: True)
    require_version(plan.version, expected, "plan")
    return plan, org
