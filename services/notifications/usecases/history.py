"""Reading the escalations' audit trail: an escalation's history (for whoever may read it), and
the search per area and period (`infra.audit_reads`)."""

from __future__ import annotations

from datetime import date

from infra.audit import AuditEntry
from infra.audit_reads import AuditSearch
from infra.audit_reads import search_audit as search_trail
from infra.caller import Caller
from infra.pagination import Page
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.usecases.audit import ESCALATION
from services.notifications.usecases.escalations import get_escalation


def escalation_history(
    uow: NotificationsUnitOfWork,
    caller: Caller,
    escalation_id: str,
    after: str | None,
    limit: int,
) -> Page[AuditEntry]:
    get_escalation(uow, caller, escalation_id)  # NotFound outside the caller's reach
    with uow:
        return uow.audit.history(ESCALATION, escalation_id, after, limit)


def search_audit(
    uow: NotificationsUnitOfWork, caller: Caller, query: AuditSearch, today: date
) -> Page[AuditEntry]:
    with uow:
        return search_trail(uow.audit, caller, query, today)
