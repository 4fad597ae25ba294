"""In-memory stand-ins for the teams repositories (see `fakes.py`): what a transaction writes
waits apart until `commit()`, the transaction reads its own writes, and `rollback()` forgets them.
A repeated key is refused (`KeyTaken`) and a stale version too (`PreconditionFailed`), as the
database and `save_versioned` do. Only the methods the unit-tested use cases call are here."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from infra.errors import KeyTaken, PreconditionFailed
from infra.pagination import Page
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


class Listed(Generic[V]):
    """A list read: remembers what it was asked for (reach, filter, cursor, limit) and answers
    every row (the filtering itself is the real repository's, covered by integration tests)."""

    asked: tuple[Any, ...] = ()

    def list(self, reach: Any, where: Any, after: str | None, limit: int) -> Page[V]:
        self.asked = (reach, where, after, limit)
        return Page(list(self._all().values()), None)  # type: ignore[attr-defined]


class FakePeople(Listed[Person], Staged[Person]):
    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[str, str] = {}

    def get(self, person_id: str) -> Person | None:
        return self._get(person_id)

    def add(self, person: Person) -> None:
        self._insert(person.id, person)

    def save(self, person: Person) -> None:
        self._update(person.id, person)

    def taken(self, column: str, value: str, except_id: str | None = None) -> bool:
        def held(p: Person) -> Any:
            return p.profile.username if column == "username" else p.profile.national_id

        return any(held(p) == value and p.id != except_id for p in self._all().values())

    def password_hash(self, person_id: str) -> str | None:
        return self.passwords.get(person_id)

    def set_password_hash(self, person_id: str, password_hash: str, now: Any) -> None:
        self._entries.append({"person_id": person_id, "password_hash": password_hash})

    def commit(self) -> None:
        self.passwords.update({e["person_id"]: e["password_hash"] for e in self._entries})
        super().commit()


class FakeTeams(Listed[Team], Staged[Team]):
    def add(self, team: Team) -> None:
        self._insert(team.id, team)

    def save(self, team: Team) -> None:
        self._update(team.id, team)

    def log(self, team_id: str, person_id: str, role: Any, change: str, **how: Any) -> None:
        entry = {"team_id": team_id, "person_id": person_id, "role": role.value, "change": change}
        self._entries.append({**entry, **how})

    def get(self, team_id: str) -> Team | None:
        return self._get(team_id)

    def of_person(self, person_id: str) -> list[Team]:
        return [t for t in self._all().values() if person_id in t.member_ids]


class FakeHouseholds(Staged[KnownHousehold]):
    def get(self, household_id: str, *, for_update: bool = False) -> KnownHousehold | None:
        return self._get(household_id)

    def many(self, ids: list[str]) -> dict[str, KnownHousehold]:
        known = self._all()
        return {h: known[h] for h in ids if h in known}

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


class FakeAssignments(Listed[Assignment], Staged[Assignment]):
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


class FakeCaseload:
    """Per team, the outcome totals the test gives (`totals`); reads only."""

    def __init__(self) -> None:
        self.totals: dict[str, dict[str, Any]] = {}  # by team

        self.open_cases: dict[str, int] = {}  # by person

    def outcomes(self, team_ids: list[str]) -> dict[str, dict[str, Any]]:
        return {t: self.totals[t] for t in team_ids}

    def open_cases_by_person(self, person_ids: list[str]) -> dict[str, int]:
        return {p: self.open_cases.get(p, 0) for p in person_ids}
