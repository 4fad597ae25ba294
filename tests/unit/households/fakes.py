"""A fake unit of work for the households use cases, so that they run with no database and no
broker. Its repositories (`fake_repositories.py`) keep what a transaction wrote apart until
`commit()`, like the real ones: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

import copy
from typing import Any, Self

from infra.errors import PreconditionFailed
from services.households.domain.care import Visit
from services.households.domain.household import Household
from services.households.domain.intervention import Intervention
from services.households.domain.plan import Plan
from tests.unit.fake_audit import FakeAudit
from tests.unit.fake_unit_of_work import FakeTransactions
from tests.unit.households.fake_members import FakeMembers
from tests.unit.households.fake_reads import FakeImports, FakeQueries, FakeReports
from tests.unit.households.fake_repositories import (
    FakeClientRequests,
    FakeHouseholds,
    FakePlans,
    FakeVisits,
    Repository,
    Table,
)
from tests.unit.households.fake_risks import FakeRisks


class FakeInterventions(Repository):
    """`open`: how many interventions each household has open besides `items` (as given)."""

    def __init__(self) -> None:
        self.items: Table[str, Intervention] = Table()
        self.open: dict[str, int] = {}
        self.loans: dict[str, Any] = {}  # loan id -> (household_id, intervention_id) as given

    def loan(self, loan_id: str) -> Any:
        return self.loans.get(loan_id)

    def add(self, item: Intervention) -> None:
        self.items.insert(item.id, item)

    def get(self, intervention_id: str) -> Intervention | None:
        return self.items.get(intervention_id)

    def save(self, item: Intervention) -> None:
        stored = self.items.get(item.id)
        if stored is None or stored.version != item.version - 1:
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self.items.put(item.id, item)

    def of_household(self, household_id: str) -> list[Intervention]:
        found = [i for i in self.items.values() if i.household_id == household_id]
        return sorted(found, key=lambda i: (i.requested_at, i.id))

    def open_count(self, household_id: str) -> int:
        mine = [i for i in self.of_household(household_id) if i.is_open]
        return self.open.get(household_id, 0) + len(mine)


class FakeUnitOfWork(FakeTransactions):
    """What the households use cases use of `HouseholdsUnitOfWork`, in memory (the transaction:
    `tests/unit/fake_unit_of_work.py`)."""

    def __init__(self) -> None:
        self.households = FakeHouseholds()
        self.plans = FakePlans()
        self.visits = FakeVisits()
        self.interventions = FakeInterventions()
        self.client_requests = FakeClientRequests()
        self.audit = FakeAudit()
        self.queries = FakeQueries(self.households)
        self.reports = FakeReports()
        self.imports = FakeImports()
        self.risks = FakeRisks(self.households)
        self.members = FakeMembers(self)
        super().__init__()

    def given(self, *items: Household | Plan | Visit | Intervention) -> Self:
        """Committed state before the test: households, plans, visits and interventions."""
        for item in items:
            if isinstance(item, Intervention):
                self.interventions.items.rows[item.id] = copy.deepcopy(item)
            elif isinstance(item, Household):
                self.households.cases.rows[item.id] = copy.deepcopy(item)
            elif isinstance(item, Plan):
                self.plans.plans.rows[item.id] = copy.deepcopy(item)
            else:
                self.visits.visits.rows[item.id] = copy.deepcopy(item)
        return self

    def sibling(self) -> Self:
        """Another transaction on the same data: it sees what is committed, not what this one
        has staged."""
        other = copy.copy(self)
        for name in (
            "households",
            "plans",
            "visits",
            "interventions",
            "client_requests",
            "audit",
            "imports",
            "risks",
        ):
            setattr(other, name, getattr(self, name).twin())
        other.risks.households = other.households
        other._pending, other._delivering = [], set()
        return other

    def _repositories(self) -> list[Repository]:
        return [
            self.households,
            self.plans,
            self.visits,
            self.interventions,
            self.client_requests,
            self.audit,
            self.imports,
            self.risks,
            self.members,
        ]
