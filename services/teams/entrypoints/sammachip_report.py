"""Report entrypoints: the Sammachip report (contract: gateway/reports/__init__.py)."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.teams.entrypoints import who
from services.teams.usecases.commands import reports as c
from services.teams.usecases.sammachip_report import sammachip_report


class SammachipReportEntrypoints:
    uow: Any

    @rpc
    def sammachip_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Targets and achievements per child area of a province or district in a fiscal year,
        with the targets' totals; a sub-district or a village is 422 (`area`)."""
        loaded = {"fiscal_year": current_fiscal_year(), **load(ReportQuery, query)}
        command = command_of(c.ReportQuery, loaded)
        return sammachip_report(self.uow, who(caller), command)
