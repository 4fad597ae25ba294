"""RPC: the escalations report (contract: gateway/reports/__init__.py)."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.fiscal import current_fiscal_year
from infra.reports import ReportQuery
from infra.rpc import rpc
from infra.validation import load
from services.notifications.entrypoints.common import Json
from services.notifications.usecases.commands import EscalationsReportQuery
from services.notifications.usecases.reports import escalations_report


class ReportEntrypoints:
    uow: Any

    @rpc
    def escalations_report(self, caller: Json, query: Json) -> Json:
        """Escalations per child area; contract: gateway/reports/__init__.py."""
        loaded = {"fiscal_year": current_fiscal_year(), **load(ReportQuery, query)}
        command = command_of(EscalationsReportQuery, loaded)
        return escalations_report(self.uow, Caller.from_dict(caller), command)
