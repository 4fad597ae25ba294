"""Households database: tables, repositories and the unit of work."""

from __future__ import annotations

from infra.audit import AuditTrail
from infra.client_requests import ClientRequests
from infra.unit_of_work import UnitOfWork
from services.households.db.bulk import BulkRows
from services.households.db.care import VisitRepository
from services.households.db.households import HouseholdRepository
from services.households.db.imports import ImportRepository
from services.households.db.interventions import InterventionRepository
from services.households.db.members import MemberRepository
from services.households.db.plans import PlanRepository
from services.households.db.queries import HouseholdQueries
from services.households.db.relapse_report import RelapseReportQueries
from services.households.db.reports import CaseReportQueries
from services.households.db.risk import RiskRepository
from services.households.db.tables import audit_entries, client_requests, metadata

__all__ = ["HouseholdsUnitOfWork", "metadata"]


class HouseholdsUnitOfWork(UnitOfWork):
    households: HouseholdRepository
    plans: PlanRepository
    interventions: InterventionRepository
    members: MemberRepository
    visits: VisitRepository
    imports: ImportRepository
    queries: HouseholdQueries
    reports: CaseReportQueries
    client_requests: ClientRequests
    bulk: BulkRows
    audit: AuditTrail
    risks: RiskRepository
    relapse_report: RelapseReportQueries

    def open_repositories(self) -> None:
        self.households = HouseholdRepository(self.session)
        self.plans = PlanRepository(self.session)
        self.interventions = InterventionRepository(self.session)
        self.members = MemberRepository(self.session)
        self.visits = VisitRepository(self.session)
        self.imports = ImportRepository(self.session)
        self.queries = HouseholdQueries(self.session)
        self.reports = CaseReportQueries(self.session)
        self.client_requests = ClientRequests(self.session, client_requests)
        self.bulk = BulkRows(self.session)
        self.risks = RiskRepository(self.session)
        self.relapse_report = RelapseReportQueries(self.session)
        self.audit = AuditTrail(self.session, audit_entries, self._correlation_id)
