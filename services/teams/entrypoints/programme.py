"""Sammachip programme entrypoints: fiscal-year targets, sub-district plans, what occupation
groups became (OTOP product, monthly reports). The Sammachip report is in team_report.py."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from infra.validation import dump, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, page, who
from services.teams.schemas import group_progress as g
from services.teams.schemas import groups as og
from services.teams.schemas import targets as t
from services.teams.usecases import community_plans, group_progress, targets

Payload = dict[str, Any]


class ProgrammeEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def set_sammachip_targets(
        self,
        caller: Payload,
        key: Payload,
        payload: Payload,
        expected_version: int | None = None,
    ) -> Payload:
        """`{"targets": ..., "created": bool}`: created is true when none were set before."""
        area_year = load(t.TargetKey, key)
        command = load(t.TargetsIn, payload)
        found, created = targets.set_targets(
            self.uow, who(caller), area_year, command, expected_version, now()
        )
        return {"targets": dump(t.TargetsOut, found), "created": created}

    @rpc
    def get_sammachip_targets(self, caller: Payload, key: Payload) -> Payload:
        found = targets.get_targets(self.uow, who(caller), load(t.TargetKey, key))
        return dump(t.TargetsOut, found)

    @rpc
    def record_community_plan(self, caller: Payload, payload: Payload) -> Payload:
        command = load(t.CommunityPlanIn, payload)
        plan = community_plans.record_plan(self.uow, who(caller), command, now())
        return dump(t.CommunityPlanOut, plan)

    @rpc
    def change_community_plan(
        self, caller: Payload, plan_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = load(t.CommunityPlanChange, payload)
        plan = community_plans.change_plan(
            self.uow, who(caller), plan_id, command, expected_version, now()
        )
        return dump(t.CommunityPlanOut, plan)

    @rpc
    def get_community_plan(self, caller: Payload, plan_id: str) -> Payload:
        return dump(t.CommunityPlanOut, community_plans.get_plan(self.uow, who(caller), plan_id))

    @rpc
    def list_community_plans(self, caller: Payload, query: Payload) -> Payload:
        found = community_plans.list_plans(self.uow, who(caller), load(t.ListCommunityPlans, query))
        return page(t.CommunityPlanOut, found)

    @rpc
    def record_otop_product(
        self, caller: Payload, group_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = load(g.OtopProductIn, payload)
        group = group_progress.record_product(
            self.uow, who(caller), group_id, command, expected_version, now()
        )
        return dump(og.OccupationGroupOut, group)

    @rpc
    def report_occupation_group(self, caller: Payload, group_id: str, payload: Payload) -> Payload:
        command = load(g.GroupReportIn, payload)
        made = group_progress.report(self.uow, who(caller), group_id, command, now())
        return dump(g.GroupReportOut, made)

    @rpc
    def replace_occupation_group_report(
        self,
        caller: Payload,
        group_id: str,
        period: str,
        payload: Payload,
        expected_version: int | None = None,
    ) -> Payload:
        command = load(g.GroupReportIn, {**payload, "period": period})
        made = group_progress.replace_report(
            self.uow, who(caller), group_id, command["period"], command, expected_version, now()
        )
        return dump(g.GroupReportOut, made)

    @rpc
    def list_occupation_group_reports(
        self, caller: Payload, group_id: str, query: Payload
    ) -> Payload:
        command = load(g.ListGroupReports, query)
        found = group_progress.list_reports(self.uow, who(caller), group_id, command)
        return page(g.GroupReportOut, found)
