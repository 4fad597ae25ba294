"""What occupation groups became entrypoints: their OTOP product and monthly reports."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import group_progress as g
from services.teams.schemas import groups as og
from services.teams.usecases import group_progress
from services.teams.usecases.commands import group_progress as gp

Payload = dict[str, Any]


class GroupProgressEntrypoints:
    uow: TeamsUnitOfWork

    @rpc
    def record_otop_product(
        self, caller: Payload, group_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(gp.RecordOtopProduct, load(g.OtopProductIn, payload))
        group = group_progress.record_product(
            self.uow, who(caller), group_id, command, expected_version, now()
        )
        return dump(og.OccupationGroupOut, group)

    @rpc
    def report_occupation_group(self, caller: Payload, group_id: str, payload: Payload) -> Payload:
        command = command_of(gp.ReportGroup, load(g.GroupReportIn, payload))
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
        loaded = load(g.GroupReportIn, {**payload, "period": period})
        command = command_of(gp.ReportGroup, loaded)
        made = group_progress.replace_report(
            self.uow, who(caller), group_id, command, expected_version, now()
        )
        return dump(g.GroupReportOut, made)

    @rpc
    def list_occupation_group_reports(
        self, caller: Payload, group_id: str, query: Payload
    ) -> Payload:
        command = command_of(gp.ListGroupReports, load(g.ListGroupReports, query))
        found = group_progress.list_reports(self.uow, who(caller), group_id, command)
        return listed(g.GroupReportOut, found)
