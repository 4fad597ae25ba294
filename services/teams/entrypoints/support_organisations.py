"""Support organisation and action plan entrypoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import support_organisations as s
from services.teams.usecases import plans, support_organisations
from services.teams.usecases.commands import support_organisations as c

Payload = dict[str, Any]
THAILAND = ZoneInfo("Asia/Bangkok")


def plan_out(found: Any, at: datetime) -> Payload:
    """A plan as callers see it; tasks are overdue by the date in Thailand."""
    return s.ActionPlanOut(today=at.astimezone(THAILAND).date()).dump(found)


class SupportEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def register_organisation(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.RegisterOrganisation, load(s.RegisterOrganisation, payload))
        org = support_organisations.register_organisation(self.uow, who(caller), command, now())
        return dump(s.OrganisationOut, org)

    @rpc
    def change_organisation(
        self, caller: Payload, org_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.ChangeOrganisation, load(s.ChangeOrganisation, payload))
        org = support_organisations.change_organisation(
            self.uow, who(caller), org_id, command, expected_version
        )
        return dump(s.OrganisationOut, org)

    @rpc
    def get_organisation(self, caller: Payload, org_id: str) -> Payload:
        found = support_organisations.get_organisation(self.uow, who(caller), org_id)
        return dump(s.OrganisationDetailOut, found)

    @rpc
    def list_organisations(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListOrganisations, load(s.ListOrganisations, query))
        found = support_organisations.list_organisations(self.uow, who(caller), command)
        return listed(s.OrganisationOut, found)

    @rpc
    def start_plan(self, caller: Payload, org_id: str, payload: Payload) -> Payload:
        at = now()
        command = command_of(c.StartPlan, load(s.StartPlan, payload))
        plan = plans.start_plan(self.uow, who(caller), org_id, command, at)
        return plan_out(plans.plan_view(self.uow, who(caller), plan.id), at)

    @rpc
    def get_plan(self, caller: Payload, plan_id: str) -> Payload:
        return plan_out(plans.plan_view(self.uow, who(caller), plan_id), now())

    @rpc
    def advance_plan(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        at, command = now(), command_of(c.AdvancePlan, load(s.AdvancePlan, payload))
        plans.advance_plan(self.uow, who(caller), plan_id, command, expected_version, at)
        return plan_out(plans.plan_view(self.uow, who(caller), plan_id), at)

    @rpc
    def add_task(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        at, command = now(), command_of(c.AddTask, load(s.PlanTaskIn, payload))
        plans.add_task(self.uow, who(caller), plan_id, command, expected_version, at)
        return plan_out(plans.plan_view(self.uow, who(caller), plan_id), at)

    @rpc
    def report_progress(
        self, caller: Payload, plan_id: str, task_id: str, payload: Payload
    ) -> Payload:
        at, command = now(), command_of(c.ReportProgress, load(s.ProgressReportIn, payload))
        plans.report_progress(self.uow, who(caller), plan_id, task_id, command, at)
        return plan_out(plans.plan_view(self.uow, who(caller), plan_id), at)
