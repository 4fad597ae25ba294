"""An in-memory stand-in for `uow.members` (household upkeep): the households' own objects hold
their members, so only the unique index on current national IDs, the deceased and a merge's
re-pointed records need doing here."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from infra.errors import KeyTaken
from services.households.domain.household import Departure, Household, Member
from services.households.domain.stages import LEAVING
from tests.unit.households.fake_repositories import Repository, Table

Items = Table[str, Any]


class FakeMembers(Repository):
    def __init__(self, uow: Any) -> None:
        self.uow = uow
        self.freed: set[str] = set()  # national IDs a departure freed in this transaction

    def add(self, household_id: str, joined: list[Member]) -> None:
        for member in joined:
            if member.national_id in self._current_elsewhere(household_id) - self.freed:
                raise KeyTaken()

    def leave(self, household_id: str, departure: Departure) -> None:
        self.freed.add(departure.member.national_id)

    def mark_head(self, household: Household) -> None:
        assert sum(m.is_head for m in household.members) == 1

    def deceased(self, national_id: str) -> bool:
        return any(
            d.reason == "deceased" and d.member.national_id == national_id
            for h in self.uow.households.cases.values()
            for d in h.departed
        )

    def move_records(self, from_id: str, to_id: str) -> None:
        tables: tuple[Items, ...] = (self.uow.visits.visits, self.uow.interventions.items)
        for table in tables:
            for key, item in list({**table.rows, **table._staged}.items()):
                if item.household_id == from_id:
                    table.put(key, replace(item, household_id=to_id))
        plans = self.uow.plans.plans
        mine = [p for p in plans.values() if p.household_id in (from_id, to_id)]
        for number, plan in enumerate(sorted(mine, key=lambda p: (p.created_at, p.id)), 1):
            plans.put(plan.id, replace(plan, household_id=to_id, number=number))

    def commit(self) -> None:
        self.freed.clear()

    def rollback(self) -> None:
        self.freed.clear()

    def _current_elsewhere(self, household_id: str) -> set[str]:
        return {
            m.national_id
            for h in self.uow.households.cases.values()
            if h.id != household_id and h.stage not in LEAVING
            for m in h.members
        }
