"""In-memory stand-ins for the teams repositories (see `fakes.py`): what a transaction writes
waits apart until `commit()`, the transaction reads its own writes, and `rollback()` forgets them.
A repeated key is refused (`KeyTaken`) and a stale version too (`PreconditionFailed`), as the
database and `save_versioned` do. Only the methods the unit-tested use cases call are here."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

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
