"""A fake unit of work for the teams use cases, so that they run with no database and no broker.
Its repositories (`fake_repositories.py`) keep what a transaction wrote apart until `commit()`,
like the real ones: leaving `with uow:` without committing forgets it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Self

from infra.envelope import EventContract, ReceivedEvent
from infra.errors import KeyTaken
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.domain.person import Person
from services.teams.domain.team import Team
from tests.unit.teams.fake_repositories import (
    FakeAssignments,
    FakeHouseholds,
    FakePeople,
    FakeTeams,
    Staged,
)


class FakeUnitOfWork:
    """What the teams use cases use of `TeamsUnitOfWork`, in memory. `published` holds the events
    of committed transactions (type, data as the contract serialises it): what the outbox relay
    would publish. `delivered` holds the ids of the events consumed in committed transactions."""

    def __init__(self) -> None:
        self.people = FakePeople()
        self.teams = FakeTeams()
        self.households = FakeHouseholds()
        self.assignments = FakeAssignments()
        self.published: list[tuple[str, dict[str, Any]]] = []
        self.delivered: set[str] = set()
        self.commits = 0
        self._pending: list[tuple[str, dict[str, Any]]] = []
        self._delivering: set[str] = set()

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

    def _repositories(self) -> Iterable[Staged[Any]]:
        return (self.people, self.teams, self.households, self.assignments)

    def _forget(self) -> None:
        self._pending, self._delivering = [], set()
