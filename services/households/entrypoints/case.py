"""Compass, manage and care entrypoints: plans, interventions, visits."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.rpc import rpc
from infra.validation import dump, load
from services.households import usecases
from services.households.entrypoints.output import household_out, listed
from services.households.schemas.case import (
    CaseQuery,
    InterventionOut,
    ListVisits,
    LogVisit,
    PlanCommand,
    PlanOut,
    RequestIntervention,
    ReturnPlan,
    SavePlan,
    UpdateIntervention,
    VisitOut,
)


def _now() -> datetime:
    return datetime.now(UTC)


class CaseEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def get_case(
        self, caller: dict, household_id: str, query: dict | None = None
    ) -> dict[str, Any]:
        """The household with its current plan, latest visits and interventions: one call."""
        who = Caller.from_dict(caller)
        visits = load(CaseQuery, query or {})["visits"]
        found = usecases.case_view(self.uow, who, household_id, visits)
        plan = found["plan"]
        return {
            "household": household_out(found["household"], who),
            "plan": None if plan is None else dump(PlanOut, plan),
            "latest_visits": dump(VisitOut, found["visits"], many=True),
            "interventions": dump(InterventionOut, found["interventions"], many=True),
        }

    @rpc
    def save_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        command = load(SavePlan, payload)
        who = Caller.from_dict(caller)
        plan = usecases.save_plan(self.uow, who, household_id, command, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def submit_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        command = load(PlanCommand, payload)
        who = Caller.from_dict(caller)
        plan = usecases.submit_plan(self.uow, who, household_id, command, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def approve_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        command = load(PlanCommand, payload)
        who = Caller.from_dict(caller)
        plan = usecases.approve_plan(self.uow, who, household_id, command, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def return_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        command = load(ReturnPlan, payload)
        who = Caller.from_dict(caller)
        plan = usecases.return_plan(self.uow, who, household_id, command, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def list_plans(self, caller: dict, household_id: str) -> dict[str, Any]:
        plans = usecases.list_plans(self.uow, Caller.from_dict(caller), household_id)
        return listed(plans, PlanOut)

    @rpc
    def request_intervention(
        self, caller: dict, household_id: str, payload: dict
    ) -> dict[str, Any]:
        command = load(RequestIntervention, payload)
        who = Caller.from_dict(caller)
        item = usecases.request_intervention(self.uow, who, household_id, command, _now())
        return dump(InterventionOut, item)

    @rpc
    def update_intervention(
        self,
        caller: dict,
        household_id: str,
        intervention_id: str,
        payload: dict,
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = load(UpdateIntervention, payload)
        item = usecases.update_intervention(
            self.uow,
            Caller.from_dict(caller),
            household_id,
            intervention_id,
            command,
            expected_version,
            self.settings,
            _now(),
        )
        return dump(InterventionOut, item)

    @rpc
    def list_interventions(self, caller: dict, household_id: str) -> dict[str, Any]:
        items = usecases.list_interventions(self.uow, Caller.from_dict(caller), household_id)
        return listed(items, InterventionOut)

    @rpc
    def log_visit(self, caller: dict, household_id: str, payload: dict) -> dict[str, Any]:
        command = load(LogVisit, payload)
        visit = usecases.log_visit(
            self.uow, Caller.from_dict(caller), household_id, command, self.settings, _now()
        )
        return dump(VisitOut, visit)

    @rpc
    def list_visits(self, caller: dict, household_id: str, query: dict) -> dict[str, Any]:
        limit = load(ListVisits, query)["limit"]
        visits = usecases.list_visits(self.uow, Caller.from_dict(caller), household_id, limit)
        return listed(visits, VisitOut)
