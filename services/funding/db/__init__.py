"""Funding tables, repositories and unit of work."""

from __future__ import annotations

from infra.audit import AuditTrail
from infra.client_requests import ClientRequests
from infra.unit_of_work import UnitOfWork
from services.funding.db import access_tables, ledger_tables, loan_tables  # noqa: F401 (tables)
from services.funding.db.access import FundingRequestRepository
from services.funding.db.arrears import JobRuns, PortfolioQueries
from services.funding.db.groups import GroupRepository
from services.funding.db.ledger import LedgerRepository, SheetRepository
from services.funding.db.ledger_tables import audit_entries, client_requests
from services.funding.db.loans import LoanRepository
from services.funding.db.members import MemberRepository
from services.funding.db.networks import NetworkRepository
from services.funding.db.reports import ReportQueries
from services.funding.db.tables import metadata

__all__ = ["FundingUnitOfWork", "metadata"]


class FundingUnitOfWork(UnitOfWork):
    groups: GroupRepository
    networks: NetworkRepository
    members: MemberRepository
    loans: LoanRepository
    ledger: LedgerRepository
    sheets: SheetRepository
    client_requests: ClientRequests
    requests: FundingRequestRepository
    portfolio: PortfolioQueries
    job_runs: JobRuns
    reports: ReportQueries
    audit: AuditTrail

    def open_repositories(self) -> None:
        session = self.session
        self.groups = GroupRepository(session)
        self.networks = NetworkRepository(session)
        self.members = MemberRepository(session)
        self.loans = LoanRepository(session)
        self.ledger = LedgerRepository(session)
        self.sheets = SheetRepository(session)
        self.client_requests = ClientRequests(session, client_requests)
        self.requests = FundingRequestRepository(session)
        self.portfolio = PortfolioQueries(session)
        self.job_runs = JobRuns(session)
        self.reports = ReportQueries(session)
        self.audit = AuditTrail(session, audit_entries, self._correlation_id)
