"""Households database: tables, repositories and the unit of work."""

from __future__ import annotations

from infra.unit_of_work import UnitOfWork
from services.households.db.care import VisitRepository
from services.households.db.households import HouseholdRepository
from services.households.db.imports import ImportRepository
from services.households.db.interventions import InterventionRepository
from services.households.db.plans import PlanRepository
from services.households.db.queries import HouseholdQueries
from services.households.db.reports import CaseReportQueries
from services.households.db.tables import metadata

__all__ = ["HouseholdsUnitOfWork", "metadata"]


class HouseholdsUnitOfWork(UnitOfWork):
    households: HouseholdRepository
    plans: PlanRepository
    interventions: InterventionRepository
    visits: VisitRepository
    imports: ImportRepository
    queries: HouseholdQueries
    reports: CaseReportQueries

    def open_repositories(self) -> None:
        self.households = HouseholdRepository(self.session)
        self.plans = PlanRepository(self.session)
        self.interventions = InterventionRepository(self.session)
        self.visits = VisitRepository(self.session)
        self.imports = ImportRepository(self.session)
        self.queries = HouseholdQueries(self.session)
        self.reports = CaseReportQueries(self.session)
