"""Audit entrypoints: the histories of a household, a plan and an intervention, and the audit
search; national IDs masked for a caller who may not see them (as the household read masks
them)."""

from __future__ import annotations

from typing import Any

from infra.audit import AuditEntry
from infra.audit_reads import AuditSearch, masked
from infra.caller import Caller
from infra.commands import command_of
from infra.pagination import Page
from infra.rpc import rpc
from infra.validation import listed, load
from services.households import usecases
from services.households.dates import today
from services.households.domain.identity import mask_national_id
from services.households.schemas.audit import AuditEntryOut, ListHistory, SearchAudit

HISTORIES = ("plan", "intervention")


class AuditEntrypoints:
    uow: Any

    @rpc
    def household_history(
        self, caller: dict[str, Any], household_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        found = usecases.household_history(
            self.uow, who, household_id, given["after"], given["limit"]
        )
        return listed(AuditEntryOut, for_reader(found, who))

    @rpc
    def object_history(
        self,
        caller: dict[str, Any],
        household_id: str,
        object_type: str,
        object_id: str,
        query: dict[str, Any],
    ) -> dict[str, Any]:
        """A plan's or an intervention's history (`object_type`: "plan" or "intervention")."""
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        if object_type not in HISTORIES:
            raise ValueError(f"no history of {object_type!r} here")
        target = (object_type, object_id)
        found = usecases.object_history(
            self.uow, who, household_id, target, given["after"], given["limit"]
        )
        return listed(AuditEntryOut, for_reader(found, who))

    @rpc
    def audit_search(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        command = command_of(AuditSearch, load(SearchAudit, query))
        found = usecases.search_audit(self.uow, who, command, today())
        return listed(AuditEntryOut, for_reader(found, who))


def for_reader(found: Page[AuditEntry], caller: Caller) -> Page[AuditEntry]:
    if caller.sees_national_ids:
        return found
    return masked(found, {"national_id": mask_national_id})
