"""Reading the funding audit trail: a savings group's, a member's and a loan's history (for
whoever may read them), and the search per area and period (`infra.audit_reads`)."""

from __future__ import annotations

from datetime import date

from infra.audit import AuditEntry
from infra.audit_reads import AuditSearch
from infra.audit_reads import search_audit as search_trail
from infra.caller import Caller
from infra.pagination import Page
from services.funding.db import FundingUnitOfWork
from services.funding.domain.policy import Reach
from services.funding.usecases.audit import GROUP, LOAN, MEMBER
from services.funding.usecases.common import group_within, loan_within, member_within

READERS = {
    GROUP: lambda uow, caller, key: group_within(uow, caller, key, Reach.READ),
    MEMBER: lambda uow, caller, key: member_within(uow, caller, key, Reach.READ),
    LOAN: lambda uow, caller, key: loan_within(uow, caller, key, Reach.READ),
}


def history(
    uow: FundingUnitOfWork,
    caller: Caller,
    target: tuple[str, str],
    after: str | None,
    limit: int,
) -> Page[AuditEntry]:
    """The entries of a group, a member or a loan (`target`: type and id), newest first."""
    object_type, object_id = target
    with uow:
        READERS[object_type](uow, caller, object_id)  # NotFound outside the caller's reach
        return uow.audit.history(object_type, object_id, after, limit)


def search_audit(
    uow: FundingUnitOfWork, caller: Caller, query: AuditSearch, today: date
) -> Page[AuditEntry]:
    with uow:
        return search_trail(uow.audit, caller, query, today)
