"""Audit entrypoints of funding: a savings group's, a member's and a loan's history, and the
audit search."""

from __future__ import annotations

from typing import Any

from infra.audit_reads import AuditSearch
from infra.audit_schemas import AuditEntryOut, ListHistory, SearchAudit
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed, load
from services.funding.domain.money import bangkok_date
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.usecases import history
from services.funding.usecases.audit import VALUES


class AuditEntrypoints(Entrypoints):
    @rpc
    def object_history(
        self, caller: dict[str, Any], object_type: str, object_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        """`object_type`: "savings_group", "member" or "loan"."""
        if object_type not in VALUES:
            raise ValueError(f"no history of {object_type!r} here")
        given = load(ListHistory, query)
        target = (object_type, object_id)
        found = history.history(self.uow, who(caller), target, given["after"], given["limit"])
        return listed(AuditEntryOut, found)

    @rpc
    def audit_search(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        command = command_of(AuditSearch, load(SearchAudit, query))
        found = history.search_audit(self.uow, who(caller), command, bangkok_date(self.now()))
        return listed(AuditEntryOut, found)
