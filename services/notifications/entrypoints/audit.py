"""Audit entrypoints of notifications: an escalation's history, and the audit search."""

from __future__ import annotations

from typing import Any

from infra.audit_reads import AuditSearch
from infra.audit_schemas import AuditEntryOut, ListHistory, SearchAudit
from infra.caller import Caller
from infra.commands import command_of
from infra.fiscal import thai_today
from infra.rpc import rpc
from infra.validation import listed, load
from services.notifications.usecases import history


class AuditEntrypoints:
    uow: Any

    @rpc
    def escalation_history(
        self, caller: dict[str, Any], escalation_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        found = history.escalation_history(
            self.uow, who, escalation_id, given["after"], given["limit"]
        )
        return listed(AuditEntryOut, found)

    @rpc
    def audit_search(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        command = command_of(AuditSearch, load(SearchAudit, query))
        found = history.search_audit(self.uow, Caller.from_dict(caller), command, thai_today())
        return listed(AuditEntryOut, found)
