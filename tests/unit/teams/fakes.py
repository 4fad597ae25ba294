"""A fake unit of work for the teams use cases, so that they run with no database and no broker.
Its repositories (`fake_repositories.py`) keep what a transaction wrote apart until `commit()`,
like the real ones: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.domain.person import Person
from services.teams.domain.team import Team
from tests.unit.fake_unit_of_work import FakeTransactions
from tests.unit.teams.fake_repositories import (
    FakeAssignments,
    FakeHouseholds,
    FakePeople,
    FakeTeams,
    Staged,
)


class FakeUnitOfWork(FakeTransactions):
    """What the teams use cases use of `TeamsUnitOfWork`, in memory (the transaction:
    `tests/unit/fake_unit_of_work.py`)."""

    def __init__(self) -> None:
        self.people = FakePeople()
        self.teams = FakeTeams()
        self.households = FakeHouseholds()
        self.assignments = FakeAssignments()
        super().__init__()

    def given(self, *items: Person | Team | KnownHousehold | Assignment) -> Self:
        """Committed state before the test: people, teams, households and assignments."""
        tables: dict[type, Staged[Any]] = {
            Person: self.people,
            Team: self.teams,
            KnownHousehold: self.households,
            Assignment: self.assignments,
        }
        for item in items:
            key = item.household_id if isinstance(item, Assignment) else item.id
            tables[type(item)].rows[key] = item
        return self

    def _repositories(self) -> Iterable[Staged[Any]]:
        return (self.people, self.teams, self.households, self.assignments)
