"""In-memory stand-ins for the teams unit of work, so that use cases run with no database and no
broker. Each repository keeps what a transaction wrote apart until `commit()`, like the real one:
the transaction reads its own writes, and leaving `with uow:` without committing forgets them. A
repeated key is refused (`KeyTaken`) and a stale version too (`PreconditionFailed`), as the
database and `save_versioned` do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, Self, TypeVar

from infra.envelope import EventContract, ReceivedEvent
from infra.errors import KeyTaken, PreconditionFailed
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold
from services.teams.domain.person import Person
from services.teams.domain.team import Team

V = TypeVar("V")


class Staged(Generic[V]):
    """Rows by key and a log of entries; a transaction's writes wait in `_staged` until commit."""

    def __init__(self) -> None:
        self.rows: dict[str, V] = {}
        self.entries: list[dict[str, Any]] = []
        self._staged: dict[str, V] = {}
        self._entries: list[dict[str, Any]] = []

    def _get(self, key: str) -> V | None:
        return self._staged.get(key, self.rows.get(key))

    def _all(self) -> dict[str, V]:
        return {**self.rows, **self._staged}

    def _insert(self, key: str, value: V) -> None:
        if key in self._all():
            raise KeyTaken()
        self._staged[key] = value

    def _update(self, key: str, value: V) -> None:
        stored = self._get(key)
        if stored is None or stored.version != value.version - 1:  # type: ignore[attr-defined]
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self._staged[key] = value

    def commit(self) -> None:
        self.rows.update(self._staged)
        self.entries += self._entries
        self.rollback()

    def rollback(self) -> None:
        self._staged, self._entries = {}, []


class FakePeople(Staged[Person]):
    def get(self, person_id: str) -> Person | None:
        return self._get(person_id)


class FakeTeams(Staged[Team]):
    def add(self, team: Team) -> None:
        self._insert(team.id, team)

    def save(self, team: Team) -> None:
        self._update(team.id, team)

    def log(self, team_id: str, person_id: str, role: Any, change: str, **how: Any) -> None:
        entry = {"team_id": team_id, "person_id": person_id, "role": role.value, "change": change}
        self._entries.append({**entry, **how})

    def get(self, team_id: str) -> Team | None:
        return self._get(team_id)


class FakeHouseholds(Staged[KnownHousehold]):
    def get(self, household_id: str, *, for_update: bool = False) -> KnownHousehold | None:
        return self._get(household_id)

    def many(self, ids: list[str]) -> dict[str, KnownHousehold]:
        known = self._all()
        return {i: known[i] for i in ids if i in known}

    def in_village(self, village_code: str) -> list[KnownHousehold]:
        found = [h for h in self._all().values() if h.village_code == village_code]
        return sorted(found, key=lambda h: h.id)

    def add_unknown(self, households: list[KnownHousehold]) -> int:
        new = [h for h in households if h.id not in self._all()]
        for household in new:
            self._insert(household.id, household)
        return len(new)

    def put(self, household: KnownHousehold, existed: bool) -> None:
        if existed:
            self._staged[household.id] = household
        else:
            self._insert(household.id, household)


class FakeAssignments(Staged[Assignment]):
    """`rivals`: assignments another transaction commits just before this one's next insert."""

    def __init__(self) -> None:
        super().__init__()
        self.rivals: list[Assignment] = []

    def add(self, assignment: Assignment, reason: str | None = None) -> None:
        if self.rivals:
            rival = self.rivals.pop(0)
            self.rows[rival.household_id] = rival
        self._insert(assignment.household_id, assignment)
        self._log(None, assignment, reason)

    def save(self, assignment: Assignment, from_team_id: str, reason: str) -> None:
        self._update(assignment.household_id, assignment)
        self._log(from_team_id, assignment, reason)

    def get(self, household_id: str) -> Assignment | None:
        return self._get(household_id)

    def of(self, household_ids: list[str]) -> dict[str, Assignment]:
        known = self._all()
        return {h: known[h] for h in household_ids if h in known}

    def any_in(self, team_id: str, tambons: set[str]) -> bool:
        return any(
            a.team_id == team_id and any(a.village_code.startswith(t) for t in tambons if t)
            for a in self._all().values()
        )

    def history(self, household_id: str) -> list[dict[str, Any]]:
        return [e for e in self.entries + self._entries if e["household_id"] == household_id]

    def _log(self, from_team_id: str | None, assignment: Assignment, reason: str | None) -> None:
        self._entries.append(
            {
                "household_id": assignment.household_id,
                "from_team_id": from_team_id,
                "to_team_id": assignment.team_id,
                "reason": reason,
                "changed_by": assignment.assigned_by,
                "changed_at": assignment.assigned_at,
            }
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
        for item in items:
            if isinstance(item, Person):
                self.people.rows[item.id] = item
            elif isinstance(item, Team):
                self.teams.rows[item.id] = item
            elif isinstance(item, KnownHousehold):
                self.households.rows[item.id] = item
            else:
                self.assignments.rows[item.household_id] = item
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
