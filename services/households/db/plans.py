"""Plans, stored with their content as JSON (money in it as exact decimal strings)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from infra.versions import save_versioned
from services.households.db.tables import plans
from services.households.domain.plan import Goal, Plan, PlanStatus, SupportRequest

CONTENT = ("problems", "needs", "goals", "livelihood", "requested_support")


# built once: every case read runs it
_LATEST = (
    select(plans).where(plans.c.household_id == bindparam("key")).order_by(plans.c.number.desc())
).limit(1)


class PlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, plan: Plan) -> None:
        self.session.execute(insert(plans).values(**_row(plan)))

    def save(self, plan: Plan) -> None:
        """Write a changed plan that already carries its new version (see save_versioned)."""
        save_versioned(self.session, plans, "id", _row(plan))

    def latest(self, household_id: str) -> Plan | None:
        row = self.session.execute(_LATEST, {"key": household_id}).first()
        return None if row is None else _plan(row)

    def all_of(self, household_id: str) -> list[Plan]:
        rows = self.session.execute(
            select(plans).where(plans.c.household_id == household_id).order_by(plans.c.number)
        )
        return [_plan(r) for r in rows]


def _row(plan: Plan) -> dict[str, Any]:
    data = {k: v for k, v in plan.__dict__.items() if k not in CONTENT}
    content = {
        "problems": plan.problems,
        "needs": plan.needs,
        "goals": [g.__dict__ for g in plan.goals],
        "livelihood": plan.livelihood,
        "requested_support": [_support(s) for s in plan.requested_support],
    }
    return {**data, "status": plan.status.value, "content": json.dumps(content, ensure_ascii=False)}


def _support(s: SupportRequest) -> dict[str, Any]:
    amount = None if s.amount_thb is None else str(s.amount_thb)
    return {"kind": s.kind, "description": s.description, "amount_thb": amount}


def _plan(row: Any) -> Plan:
    content = json.loads(row.content)
    fields = {k: v for k, v in row._mapping.items() if k != "content"}
    return Plan(
        **{**fields, "status": PlanStatus(row.status)},
        problems=content["problems"],
        needs=content["needs"],
        goals=[Goal(**g) for g in content["goals"]],
        livelihood=content["livelihood"],
        requested_support=[
            SupportRequest(
                s["kind"],
                s["description"],
                None if s["amount_thb"] is None else Decimal(s["amount_thb"]),
            )
            for s in content["requested_support"]
        ],
    )
