"""Report entrypoints: the households' part of the cases report."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery, TeamReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.households.dates import today
from services.households.usecases.reports import cases_report, team_cases_report


class ReportEntrypoints:
    uow: Any

    @rpc
    def cases_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Counts per child area of `query["area"]`; contract: gateway/reports/__init__.py."""
        command = load(ReportQuery, query)
        command.setdefault("fiscal_year", current_fiscal_year())
        return cases_report(self.uow, Caller.from_dict(caller), command, today())

    @rpc
    def team_cases_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Counts per village of one team's households (`{"team": id, "fiscal_year": y}`)."""
        command = load(TeamReportQuery, query)
        command.setdefault("fiscal_year", current_fiscal_year())
        return team_cases_report(self.uow, Caller.from_dict(caller), command, today())
