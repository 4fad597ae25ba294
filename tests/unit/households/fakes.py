"""A fake unit of work for the households use cases, so that they run with no database and no
broker. Its repositories (`fake_repositories.py`) keep what a transaction wrote apart until
`commit()`, like the real ones: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

from infra.envelope import EventContract, ReceivedEvent
from infra.errors import KeyTaken
from services.households.domain.care import Visit
from services.households.domain.household import Household
from services.households.domain.plan import Plan
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


class FakeUnitOfWork:
    """What the households use cases use of `HouseholdsUnitOfWork`, in memory. `published` holds
    the events of committed transactions (type, data as the contract serialises it): what the
    outbox relay would publish. `delivered` holds the ids of the events consumed in committed
    transactions."""

    def __init__(self) -> None:
        self.households = FakeHouseholds()
        self.plans = FakePlans()
        self.visits = FakeVisits()
        self.interventions = FakeInterventions()
        self.published: list[tuple[str, dict[str, Any]]] = []
        self.delivered: set[str] = set()
        self.commits = 0
        self._pending: list[tuple[str, dict[str, Any]]] = []
        self._delivering: set[str] = set()

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

    def __enter__(self) -> Self:
        self._forget()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.rollback()

    def emit(self, contract: EventContract, data: dict[str, Any]) -> None:
        self._pending.append((contract.event_type, contract.serialise(data)))

    def first_delivery(self, event: ReceivedEvent) -> bool:
        if event.event_id in self.delivered | self._delivering:
            return False
        self._delivering.add(event.event_id)
        return True

    def commit(self) -> None:
        for repository in self._repositories():
            repository.commit()
        self.published += self._pending
        self.delivered |= self._delivering
        self._forget()
        self.commits += 1

    def rollback(self) -> None:
        for repository in self._repositories():
            repository.rollback()
        self._forget()

    @contextmanager
    def if_taken(self, error: Exception | None = None) -> Iterator[None]:
        try:
            yield
        except KeyTaken:
            self.rollback()
            raise (error or KeyTaken()) from None

    def events(self, event_type: str) -> list[dict[str, Any]]:
        """The data of the published events of this type, oldest first."""
        return [data for kind, data in self.published if kind == event_type]

    def kinds(self) -> list[str]:
        """The types of the published events, oldest first."""
        return [kind for kind, _ in self.published]

    def _repositories(self) -> list[Repository]:
        return [self.households, self.plans, self.visits, self.interventions]

    def _forget(self) -> None:
        self._pending, self._delivering = [], set()
