"""Report entrypoints: the funding service's part of the savings-and-loans report."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.usecases.commands import SavingsReport
from services.funding.usecases.reports import savings_report


class ReportEntrypoints(Entrypoints):
    @rpc
    def savings_report(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        """Groups, savings and loans per child area; contract: gateway/reports/__init__.py."""
        loaded = {"fiscal_year": current_fiscal_year(), **load(ReportQuery, query)}
        command = command_of(SavingsReport, loaded)
        return savings_report(self.uow, who(caller), command, self.now())
