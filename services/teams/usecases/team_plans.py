"""A Smile Team's yearly action plan: started, edited and given tasks by the team while a draft,
submitted, approved or returned by the supervisors over the team's district (not by a member),
then carried out (progress, quarters and lessons: `team_lessons.py`).

Who reads a plan: the team's members, district and provincial supervisors whose areas touch the
team's coverage, administrators; anyone else is answered as if it did not exist."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from infra.versions import require_version
from services.teams.db import TeamsUnitOfWork
from services.teams.domain import policy, team_plans
from services.teams.domain.areas import overlaps
from services.teams.domain.support_organisations import ActionPlan, Task
from services.teams.domain.team import Team
from services.teams.team_plan_events import TEAM_PLAN_APPROVED, TEAM_PLAN_SUBMITTED
from services.teams.usecases import teams
from services.teams.usecases.commands.team_plans import (
    AddTeamTask,
    DecideTeamPlan,
    EditTeamPlan,
    StartTeamPlan,
)
from services.teams.usecases.common import found

TAKEN = Conflict(
    "the team already has a plan for this fiscal year",
    [FieldError("fiscal_year", "one plan per team and fiscal year")],
)


def may_read(caller: Caller, team: Team) -> bool:
    supervises = caller.has_role(*policy.MANAGERS) and overlaps(caller.areas, team.coverage)
    return caller.is_admin or supervises or caller.person_id in team.member_ids


def keeps(caller: Caller, team: Team) -> bool:
    """The team's members (and administrators) keep its plan."""
    return caller.is_admin or caller.person_id in team.member_ids


def start_plan(
    uow: TeamsUnitOfWork, caller: Caller, team_id: str, command: StartTeamPlan, now: datetime
) -> ActionPlan:
    with uow, uow.if_taken(TAKEN):
        team = found(uow.teams.get(team_id), "team", team_id, lambda t: teams.may_read(caller, t))
        _require_keeper(caller, team)
        plan = team_plans.new_plan(team.id, command.fiscal_year, command.title, now)
        if uow.team_plans.exists(team.id, command.fiscal_year):
            raise TAKEN
        uow.plans.add(plan, caller.person_id)
        uow.commit()
    return plan


def edit_plan(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, command: EditTeamPlan,
    expected_version: int | None,
) -> ActionPlan:  # fmt: skip
    with uow:
        plan, _ = kept(uow, caller, plan_id, expected_version)
        changed = team_plans.edited(plan, command.title)
        uow.plans.save(changed)
        uow.commit()
    return changed


def add_task(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, command: AddTeamTask,
    expected_version: int | None, now: datetime,
) -> ActionPlan:  # fmt: skip
    with uow:
        plan, team = kept(uow, caller, plan_id, expected_version)
        _check_task(uow, team, command)
        task = Task(command.title.strip(), command.due_on, command.owner_id, now,
                    household_id=command.household_id)  # fmt: skip
        changed = team_plans.with_task(plan, task)
        uow.plans.save(changed)
        uow.commit()
    return changed


def submit_plan(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, expected_version: int | None,
    now: datetime,
) -> ActionPlan:  # fmt: skip
    with uow:
        plan, team = kept(uow, caller, plan_id, expected_version)
        changed = team_plans.submitted(plan)
        _save_step(uow, changed, None, caller, now)
        uow.emit(TEAM_PLAN_SUBMITTED, _event(changed, team, caller, now))
        uow.commit()
    return changed


def decide_plan(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, command: DecideTeamPlan,
    expected_version: int | None, now: datetime,
) -> ActionPlan:  # fmt: skip
    with uow:
        plan, team = _readable(uow, caller, plan_id)
        if not policy.manages(caller, team.coverage) or caller.person_id in team.member_ids:
            raise Forbidden("only supervisors over the team's district, not its members, decide")
        require_version(plan.version, expected_version, "plan")
        changed = team_plans.decided(plan, command.approve)
        _save_step(uow, changed, command.note, caller, now)
        if command.approve:
            uow.emit(TEAM_PLAN_APPROVED, _event(changed, team, caller, now))
        uow.commit()
    return changed


def plan_view(uow: TeamsUnitOfWork, caller: Caller, plan_id: str) -> dict[str, Any]:
    with uow:
        plan, _ = _readable(uow, caller, plan_id)
        return {
            "plan": plan,
            "reports": uow.plans.reports_of([t.id for t in plan.tasks]),
            "phases": uow.plans.phases_of(plan.id),
            "period_reports": uow.team_plans.period_reports_of(plan.id),
            "lessons": uow.team_plans.lessons_of(plan.id),
        }


def plans_of_team(uow: TeamsUnitOfWork, caller: Caller, team_id: str) -> list[dict[str, Any]]:
    with uow:
        team = found(uow.teams.get(team_id), "team", team_id, lambda t: may_read(caller, t))
        return uow.team_plans.of_team(team.id)


def kept(
    uow: TeamsUnitOfWork, caller: Caller, plan_id: str, expected_version: int | None
) -> tuple[ActionPlan, Team]:
    """The plan and its team, for one of the team's members to change."""
    plan, team = _readable(uow, caller, plan_id)
    _require_keeper(caller, team)
    require_version(plan.version, expected_version, "plan")
    return plan, team


def _readable(uow: TeamsUnitOfWork, caller: Caller, plan_id: str) -> tuple[ActionPlan, Team]:
    plan = uow.plans.get(plan_id)
    team = uow.teams.get(plan.team_id) if plan and plan.team_id else None
    if plan is None or team is None or not may_read(caller, team):
        raise NotFound(f"team plan {plan_id} not found")
    return plan, team


def _require_keeper(caller: Caller, team: Team) -> None:
    if not keeps(caller, team):
        raise Forbidden("only the team's members keep its plan")


def _check_task(uow: TeamsUnitOfWork, team: Team, command: AddTeamTask) -> None:
    if command.household_id is not None:
        assignment = uow.assignments.get(command.household_id)
        if assignment is None or assignment.team_id != team.id:
            raise ValidationFailed.on("household_id", "not a household of this team")
    if command.owner_id is not None and command.owner_id not in team.member_ids:
        raise ValidationFailed.on("owner_id", "not a member of this team")


def _save_step(
    uow: TeamsUnitOfWork, plan: ActionPlan, note: str | None, caller: Caller, now: datetime
) -> None:
    uow.plans.save(plan)
    uow.plans.log_phase(plan, note, caller.person_id, now)


def _event(plan: ActionPlan, team: Team, caller: Caller, now: datetime) -> dict[str, Any]:
    return {
        "plan_id": plan.id,
        "team_id": team.id,
        "coverage": list(team.coverage),
        "fiscal_year": plan.year,
        "title": plan.title,
        "by": caller.person_id,
        "at": now,
        "version": plan.version,
    }
