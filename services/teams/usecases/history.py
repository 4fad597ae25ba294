"""Reading the teams audit trail: a team's and a person's history (for whoever may read them),
and the search per area and period (`infra.audit_reads`)."""

from __future__ import annotations

from datetime import date

from infra.audit import AuditEntry
from infra.audit_reads import AuditSearch
from infra.audit_reads import search_audit as search_trail
from infra.caller import Caller
from infra.pagination import Page
from services.teams.db import TeamsUnitOfWork
from services.teams.usecases.assignments import get_assignment
from services.teams.usecases.audit import ASSIGNMENT, GROUP_REPORT, PERSON, TEAM, report_id
from services.teams.usecases.group_progress import readable_group
from services.teams.usecases.people import get_person
from services.teams.usecases.teams import get_team


def team_history(
    uow: TeamsUnitOfWork, caller: Caller, team_id: str, after: str | None, limit: int
) -> Page[AuditEntry]:
    get_team(uow, caller, team_id)
    with uow:
        return uow.audit.history(TEAM, team_id, after, limit)


def person_history(
    uow: TeamsUnitOfWork, caller: Caller, person_id: str, after: str | None, limit: int
) -> Page[AuditEntry]:
    get_person(uow, caller, person_id)
    with uow:
        return uow.audit.history(PERSON, person_id, after, limit)


def assignment_history(
    uow: TeamsUnitOfWork, caller: Caller, household_id: str, after: str | None, limit: int
) -> Page[AuditEntry]:
    """Who assigned the household to a team and who moved it, and why (the entries' object is
    the household: it has one assignment at a time)."""
    get_assignment(uow, caller, household_id)
    with uow:
        return uow.audit.history(ASSIGNMENT, household_id, after, limit)


def group_report_history(
    uow: TeamsUnitOfWork,
    caller: Caller,
    group_id: str,
    period: date,
    after: str | None,
    limit: int,
) -> Page[AuditEntry]:
    """Who reported an occupation group's month and who replaced the report."""
    with uow:
        readable_group(uow, caller, group_id)
        return uow.audit.history(GROUP_REPORT, report_id(group_id, period), after, limit)


def search_audit(
    uow: TeamsUnitOfWork, caller: Caller, query: AuditSearch, today: date
) -> Page[AuditEntry]:
    with uow:
        return search_trail(uow.audit, caller, query, today)
