"""In-memory stand-ins for the households repositories (see `fakes.py`). Each keeps its rows in
`Table`s: a transaction's writes wait apart until `commit()`, the transaction reads its own
writes, `rollback()` forgets them, and every read hands out a copy, as a new query would. A taken
unique key is refused (`KeyTaken`) and a stale version too (`PreconditionFailed`, the real
repository's words). Only the methods the unit-tested use cases call are here."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, Self, TypeVar

from infra.errors import KeyTaken, PreconditionFailed
from services.households.db.care import Assessment
from services.households.domain.care import Visit
from services.households.domain.household import Household
from services.households.domain.plan import Plan
from services.households.domain.stages import LEAVING, Transition

K = TypeVar("K")
V = TypeVar("V")


class Table(Generic[K, V]):
    def __init__(self) -> None:
        self.rows: dict[K, V] = {}
        self._staged: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return copy.deepcopy(self._staged.get(key, self.rows.get(key)))

    def values(self) -> list[V]:
        return copy.deepcopy(list({**self.rows, **self._staged}.values()))

    def insert(self, key: K, value: V) -> None:
        if key in self.rows or key in self._staged:
            raise KeyTaken()
        self.put(key, value)

    def put(self, key: K, value: V) -> None:
        self._staged[key] = copy.deepcopy(value)

    def commit(self) -> None:
        self.rows.update(self._staged)
        self.rollback()

    def rollback(self) -> None:
        self._staged = {}

    def twin(self) -> Table[K, V]:
        """The same committed rows for another transaction, with nothing staged."""
        other: Table[K, V] = Table()
        other.rows = self.rows
        return other


class Repository:
    def tables(self) -> list[Table[Any, Any]]:
        return [value for value in vars(self).values() if isinstance(value, Table)]

    def commit(self) -> None:
        for table in self.tables():
            table.commit()

    def rollback(self) -> None:
        for table in self.tables():
            table.rollback()

    def twin(self) -> Self:
        other = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, Table):
                setattr(other, name, value.twin())
        return other


class FakeClientRequests(Repository):
    """Resendable commands' answers under (scope, client key), as `infra.client_requests` keeps
    them (the answer goes through JSON, as the real table's column does)."""

    def __init__(self) -> None:
        self.answers: Table[tuple[str, str], tuple[str, str, str]] = Table()

    def get(self, scope: str, client_key: str) -> tuple[str, str, Any] | None:
        stored = self.answers.get((scope, client_key))
        return None if stored is None else (stored[0], stored[1], json.loads(stored[2]))

    def add(
        self,
        scope: str,
        client_key: str,
        command: str,
        fingerprint: str,
        answer: Any,
        now: datetime,
    ) -> None:
        kept = (command, fingerprint, json.dumps(answer, default=str))
        self.answers.insert((scope, client_key), kept)


class FakeHouseholds(Repository):
    """`rivals`: households another transaction commits just before this one's next `add`;
    `meanwhile`: changes another transaction commits just before this one's next `save`."""

    def __init__(self) -> None:
        self.cases: Table[str, Household] = Table()
        self.moves: Table[str, list[Transition]] = Table()
        self.rivals: list[Household] = []
        self.meanwhile: list[Household] = []

    def add(self, household: Household) -> None:
        if self.rivals:
            rival = self.rivals.pop(0)
            self.cases.rows[rival.id] = rival
        if self.national_ids_in_use([m.national_id for m in household.members]):
            raise KeyTaken()  # the unique index on active members' national IDs
        self.cases.insert(household.id, household)
        self._record_transitions(household)

    def get(self, household_id: str, *, for_update: bool = False) -> Household | None:
        return self.cases.get(household_id)

    def save(self, household: Household) -> None:
        if self.meanwhile:
            changed = self.meanwhile.pop(0)
            self.cases.rows[changed.id] = changed
        stored = self.cases.get(household.id)
        if stored is None or stored.version != household.version - 1:
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self._record_transitions(household)
        self.cases.put(household.id, household)

    def transitions(self, household_id: str) -> list[Transition]:
        return self.moves.get(household_id) or []

    def national_ids_in_use(self, national_ids: list[str]) -> set[str]:
        active = {
            m.national_id for h in self.cases.values() if h.stage not in LEAVING for m in h.members
        }
        return active & set(national_ids)

    def _record_transitions(self, household: Household) -> None:
        if household.new_transitions:
            recorded = self.transitions(household.id) + household.new_transitions
            self.moves.put(household.id, recorded)
            household.new_transitions.clear()


class FakePlans(Repository):
    """`meanwhile`: plans another transaction commits just before this one's next `save`."""

    def __init__(self) -> None:
        self.plans: Table[str, Plan] = Table()
        self.meanwhile: list[Plan] = []

    def add(self, plan: Plan) -> None:
        if any(p.number == plan.number for p in self.all_of(plan.household_id)):
            raise KeyTaken()  # uq_plans_household_number
        self.plans.insert(plan.id, plan)

    def save(self, plan: Plan) -> None:
        if self.meanwhile:
            changed = self.meanwhile.pop(0)
            self.plans.rows[changed.id] = changed
        stored = self.plans.get(plan.id)
        if stored is None or stored.version != plan.version - 1:
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self.plans.put(plan.id, plan)

    def latest(self, household_id: str) -> Plan | None:
        return next(reversed(self.all_of(household_id)), None)

    def all_of(self, household_id: str) -> list[Plan]:
        found = [p for p in self.plans.values() if p.household_id == household_id]
        return sorted(found, key=lambda p: p.number)


class FakeVisits(Repository):
    def __init__(self) -> None:
        self.visits: Table[str, Visit] = Table()
        self.surveys: Table[tuple[str, int], dict[str, Any]] = Table()

    def add(self, visit: Visit) -> None:
        self.visits.insert(visit.id, visit)

    def get(self, visit_id: str) -> Visit | None:
        return self.visits.get(visit_id)

    def recent(self, household_id: str, limit: int | None = None) -> list[Visit]:
        found = [v for v in self.visits.values() if v.household_id == household_id]
        return sorted(found, key=lambda v: (v.visited_at, v.recorded_at), reverse=True)[:limit]

    def recent_assessments(self, household_id: str, limit: int) -> list[Assessment]:
        assessed = [v for v in self.recent(household_id) if v.income_per_person_thb is not None]
        return [
            Assessment(v.visited_at, v.recorded_at, v.income_per_person_thb)  # type: ignore[arg-type]
            for v in assessed[:limit]
        ]

    def recent_incomes_pp(self, household_id: str, limit: int) -> list[Decimal]:
        return [a.income_pp for a in self.recent_assessments(household_id, limit)]

    def add_survey(self, row: dict[str, Any]) -> None:
        self.surveys.insert((row["household_id"], row["survey_year"]), row)
