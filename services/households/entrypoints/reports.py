"""Report entrypoints: the households' part of the cases report."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery, TeamReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.households.dates import today
from services.households.usecases.commands import CasesReport, TeamCasesReport
from services.households.usecases.reports import cases_report, team_cases_report


def _this_year_by_default(loaded: dict[str, Any]) -> dict[str, Any]:
    """The query as loaded, the current fiscal year when it names none."""
    return {"fiscal_year": current_fiscal_year(), **loaded}


class ReportEntrypoints:
    uow: Any

    @rpc
    def cases_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Counts per child area of `query["area"]`; contract: gateway/reports/__init__.py."""
        command = command_of(CasesReport, _this_year_by_default(load(ReportQuery, query)))
        return cases_report(self.uow, Caller.from_dict(caller), command, today())

    @rpc
    def team_cases_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Counts per village of one team's households (`{"team": id, "fiscal_year": y}`)."""
        command = command_of(TeamCasesReport, _this_year_by_default(load(TeamReportQuery, query)))
        return team_cases_report(self.uow, Caller.from_dict(caller), command, today())
