"""Sub-district community plans entrypoints: record, change, read and list."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import community_plans as s
from services.teams.usecases import community_plans
from services.teams.usecases.commands import community_plans as cp

Payload = dict[str, Any]


class CommunityPlanEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def record_community_plan(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(cp.RecordCommunityPlan, load(s.CommunityPlanIn, payload))
        plan = community_plans.record_plan(self.uow, who(caller), command, now())
        return dump(s.CommunityPlanOut, plan)

    @rpc
    def change_community_plan(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(cp.ChangeCommunityPlan, load(s.CommunityPlanChange, payload))
        plan = community_plans.change_plan(
            self.uow, who(caller), plan_id, command, expected_version, now()
        )
        return dump(s.CommunityPlanOut, plan)

    @rpc
    def get_community_plan(self, caller: Payload, plan_id: str) -> Payload:
        return dump(s.CommunityPlanOut, community_plans.get_plan(self.uow, who(caller), plan_id))

    @rpc
    def list_community_plans(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(cp.ListCommunityPlans, load(s.ListCommunityPlans, query))
        found = community_plans.list_plans(self.uow, who(caller), command)
        return listed(s.CommunityPlanOut, found)
