"""Report entrypoints: the teams service's part of the Smile Teams report."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery, TeamReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.teams.entrypoints import who
from services.teams.usecases.commands import reports as c
from services.teams.usecases.team_report import team_villages_report, teams_report


class TeamReportEntrypoints:
    uow: Any

    @rpc
    def teams_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Teams side by side for an area; contract: gateway/reports/__init__.py."""
        loaded = {"fiscal_year": current_fiscal_year(), **load(ReportQuery, query)}
        command = command_of(c.ReportQuery, loaded)
        return teams_report(self.uow, who(caller), command)

    @rpc
    def team_villages_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """One team a row per village (`{"team": id, "fiscal_year": y}`); NotFound outside reach."""
        loaded = {"fiscal_year": current_fiscal_year(), **load(TeamReportQuery, query)}
        command = command_of(c.TeamReportQuery, loaded)
        return team_villages_report(self.uow, who(caller), command)
