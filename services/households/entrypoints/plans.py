"""Plan entrypoints: draft, submit, approve, return and list a household's plans."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.households import usecases
from services.households.schemas.plans import PlanCommand, PlanOut, ReturnPlan, SavePlan
from services.households.usecases import commands


def _now() -> datetime:
    return datetime.now(UTC)


class PlanEntrypoints:
    uow: Any

    @rpc
    def save_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        command = command_of(commands.SavePlan, load(SavePlan, payload))
        who = Caller.from_dict(caller)
        plan = usecases.save_plan(self.uow, who, household_id, command, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def submit_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        load(PlanCommand, payload)
        who = Caller.from_dict(caller)
        plan = usecases.submit_plan(self.uow, who, household_id, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def approve_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        load(PlanCommand, payload)
        who = Caller.from_dict(caller)
        plan = usecases.approve_plan(self.uow, who, household_id, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def return_plan(
        self, caller: dict, household_id: str, payload: dict, expected_version: int | None = None
    ) -> dict[str, Any]:
        command = command_of(commands.ReturnPlan, load(ReturnPlan, payload))
        who = Caller.from_dict(caller)
        plan = usecases.return_plan(self.uow, who, household_id, command, expected_version, _now())
        return dump(PlanOut, plan)

    @rpc
    def current_plan(self, caller: dict, household_id: str) -> dict[str, Any]:
        plan = usecases.current_plan(self.uow, Caller.from_dict(caller), household_id)
        return dump(PlanOut, plan)

    @rpc
    def list_plans(self, caller: dict, household_id: str) -> dict[str, Any]:
        plans = usecases.list_plans(self.uow, Caller.from_dict(caller), household_id)
        return listed(PlanOut, plans)
