"""Risk entrypoints: the relapses report (the households' part: gateway/reports/__init__.py)."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.reports import ReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.households.dates import today
from services.households.entrypoints.reports import _this_year_by_default
from services.households.usecases.commands import CasesReport
from services.households.usecases.relapse import relapses_report


class RiskEntrypoints:
    uow: Any

    @rpc
    def relapses_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Relapses per child area of `query["area"]`, by graduation year."""
        command = command_of(CasesReport, _this_year_by_default(load(ReportQuery, query)))
        return relapses_report(self.uow, Caller.from_dict(caller), command, today())
