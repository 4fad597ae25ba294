"""A fake unit of work for the households use cases, so that they run with no database and no
broker. Its repositories (`fake_repositories.py`) keep what a transaction wrote apart until
`commit()`, like the real ones: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

import copy
from typing import Self

from services.households.domain.care import Visit
from services.households.domain.household import Household
from services.households.domain.plan import Plan
from tests.unit.fake_unit_of_work import FakeTransactions
from tests.unit.households.fake_repositories import (
    FakeHouseholds,
    FakePlans,
    FakeVisits,
    Repository,
)


class FakeInterventions(Repository):
    """Only how many interventions each household has open (`open`, as given)."""

    def __init__(self) -> None:
        self.open: dict[str, int] = {}

    def open_count(self, household_id: str) -> int:
        return self.open.get(household_id, 0)


class FakeUnitOfWork(FakeTransactions):
    """What the households use cases use of `HouseholdsUnitOfWork`, in memory (the transaction:
    `tests/unit/fake_unit_of_work.py`)."""

    def __init__(self) -> None:
        self.households = FakeHouseholds()
        self.plans = FakePlans()
        self.visits = FakeVisits()
        self.interventions = FakeInterventions()
        super().__init__()

    def given(self, *items: Household | Plan | Visit) -> Self:
        """Committed state before the test: households, plans and visits."""
        for item in items:
            if isinstance(item, Household):
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
        for name in ("households", "plans", "visits", "interventions"):
            setattr(other, name, getattr(self, name).twin())
        other._pending, other._delivering = [], set()
        return other

    def _repositories(self) -> list[Repository]:
        return [self.households, self.plans, self.visits, self.interventions]
