"""Audit entrypoints of teams: a team's and a person's history, and the audit search. National
IDs are masked as the person read masks them; in the search, which shows people a supervisor
may not open, contact details are hidden from all but administrators."""

from __future__ import annotations

from typing import Any

from infra.audit import AuditEntry
from infra.audit_reads import AuditSearch, Masker, hidden, masked
from infra.audit_schemas import AuditEntryOut, ListHistory, SearchAudit
from infra.caller import Caller
from infra.commands import command_of
from infra.fiscal import thai_today
from infra.pagination import Page
from infra.rpc import rpc
from infra.validation import listed, load
from services.teams.schemas.group_progress import GroupReportPath
from services.teams.schemas.people import mask_national_id
from services.teams.usecases import history

CONTACTS = ("phone", "email", "line_user_id")


class AuditEntrypoints:
    uow: Any

    @rpc
    def team_history(
        self, caller: dict[str, Any], team_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        found = history.team_history(self.uow, who, team_id, given["after"], given["limit"])
        return listed(AuditEntryOut, for_reader(found, who))

    @rpc
    def person_history(
        self, caller: dict[str, Any], person_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        found = history.person_history(self.uow, who, person_id, given["after"], given["limit"])
        return listed(AuditEntryOut, for_reader(found, who))

    @rpc
    def assignment_history(
        self, caller: dict[str, Any], household_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        found = history.assignment_history(
            self.uow, who, household_id, given["after"], given["limit"]
        )
        return listed(AuditEntryOut, for_reader(found, who))

    @rpc
    def occupation_group_report_history(
        self, caller: dict[str, Any], group_id: str, period: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        who, given = Caller.from_dict(caller), load(ListHistory, query)
        month = load(GroupReportPath, {"period": period})["period"]
        found = history.group_report_history(
            self.uow, who, group_id, month, given["after"], given["limit"]
        )
        return listed(AuditEntryOut, for_reader(found, who))

    @rpc
    def audit_search(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        command = command_of(AuditSearch, load(SearchAudit, query))
        found = history.search_audit(self.uow, who, command, thai_today())
        contacts = {} if who.is_admin else dict.fromkeys(CONTACTS, hidden)
        return listed(AuditEntryOut, for_reader(found, who, contacts))


def for_reader(
    found: Page[AuditEntry], caller: Caller, more: dict[str, Masker] | None = None
) -> Page[AuditEntry]:
    maskers: dict[str, Masker] = dict(more or {})
    if not caller.sees_national_ids:
        maskers["national_id"] = mask_national_id
    return masked(found, maskers)
