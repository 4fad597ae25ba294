"""Action plan repository: plans, their tasks, progress reports and phase history."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from infra.versions import save_versioned
from services.teams.db.support_organisations import phase_log, plans, reports, tasks
from services.teams.domain.support_organisations import ActionPlan, Task


class PlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, plan: ActionPlan, by: str) -> None:
        self.session.execute(insert(plans).values(**_plan_row(plan)))
        self.log_phase(plan, None, by, plan.created_at)

    def save(self, plan: ActionPlan) -> None:
        save_versioned(self.session, plans, "id", _plan_row(plan))
        known = set(
            self.session.execute(select(tasks.c.id).where(tasks.c.plan_id == plan.id)).scalars()
        )
        for task in plan.tasks:
            if task.id in known:
                self.session.execute(
                    update(tasks).where(tasks.c.id == task.id).values(progress=task.progress)
                )
            else:
                self.session.execute(insert(tasks).values(plan_id=plan.id, **task.__dict__))

    def get(self, plan_id: str) -> ActionPlan | None:
        row = self.session.execute(select(plans).where(plans.c.id == plan_id)).first()
        return self._plan(row) if row else None

    def plans_of(self, org_id: str) -> list[ActionPlan]:
        query = select(plans).where(plans.c.organisation_id == org_id).order_by(plans.c.year)
        return [self._plan(r) for r in self.session.execute(query)]

    def plan_exists(self, org_id: str, year: int) -> bool:
        query = select(plans.c.id).where(plans.c.organisation_id == org_id, plans.c.year == year)
        return self.session.execute(query).first() is not None

    def log_phase(self, plan: ActionPlan, note: str | None, by: str, at: datetime) -> None:
        values = {"plan_id": plan.id, "phase": plan.phase, "approval": plan.approval, "note": note}
        self.session.execute(insert(phase_log).values(**values, changed_by=by, changed_at=at))

    def add_report(self, report: dict[str, Any]) -> None:
        self.session.execute(insert(reports).values(**report))

    def reports_of(self, task_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        query = select(reports).where(reports.c.task_id.in_(task_ids)).order_by(reports.c.id)
        for row in self.session.execute(query):
            found[row.task_id].append(dict(row._mapping))
        return found

    def phases_of(self, plan_id: str) -> list[dict[str, Any]]:
        query = select(phase_log).where(phase_log.c.plan_id == plan_id).order_by(phase_log.c.id)
        return [dict(r._mapping) for r in self.session.execute(query)]

    def _plan(self, row: Any) -> ActionPlan:
        query = select(tasks).where(tasks.c.plan_id == row.id).order_by(tasks.c.due_on, tasks.c.id)
        found = tuple(
            Task(**{k: v for k, v in t._mapping.items() if k != "plan_id"})
            for t in self.session.execute(query)
        )
        return ActionPlan(**{**row._mapping, "tasks": found})


def _plan_row(plan: ActionPlan) -> dict[str, Any]:
    return {k: v for k, v in plan.__dict__.items() if k != "tasks"}
