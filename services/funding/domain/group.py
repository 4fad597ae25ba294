"""Savings-for-production groups (กลุ่มออมทรัพย์เพื่อการผลิต) and district networks over them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from infra.areas import district_code_problem, village_code_problem
from infra.errors import FieldError, ValidationFailed
from services.funding.domain.ledger import Balances, Entry
from services.funding.domain.rules import Rules
from services.funding.vocabulary import CommitteeRole


@dataclass(frozen=True)
class Seat:
    person_id: str
    role: CommitteeRole


@dataclass
class Group:
    name: str
    village_code: str
    rules: Rules
    committee: tuple[Seat, ...]
    created_at: datetime
    network_id: str | None = None
    network_officers: frozenset[str] = frozenset()
    balances: Balances = field(default_factory=Balances)
    next_member_no: int = 1
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def register(
        cls, name: str, village_code: str, rules: Rules, committee: list[Seat], now: datetime
    ) -> Group:
        problems = [*_village(village_code), *rules.problems(), *_committee(committee)]
        if problems:
            raise ValidationFailed("the group cannot be registered as given", problems)
        return cls(name, village_code, rules, tuple(committee), now)

    def change(self, name: str, rules: Rules, committee: list[Seat]) -> None:
        problems = [*rules.problems(), *_committee(committee)]
        if problems:
            raise ValidationFailed("the group cannot be changed as given", problems)
        self.name, self.rules, self.committee = name, rules, tuple(committee)
        self.version += 1

    @property
    def committee_ids(self) -> frozenset[str]:
        return frozenset(seat.person_id for seat in self.committee)

    def post(self, entry: Entry) -> None:
        self.balances.apply(entry)

    def take_member_no(self) -> int:
        number, self.next_member_no = self.next_member_no, self.next_member_no + 1
        return number


@dataclass
class Network:
    """A district network (เครือข่ายกลุ่มออมทรัพย์ฯ) overseeing the groups of one district."""

    name: str
    district_code: str
    officers: frozenset[str]
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def register(
        cls, name: str, district_code: str, officers: frozenset[str], now: datetime
    ) -> Network:
        problem = district_code_problem(district_code)
        if problem:
            raise ValidationFailed.on("district_code", problem)
        return cls(name, district_code, officers, now)

    def change(self, name: str, officers: frozenset[str]) -> None:
        self.name, self.officers = name, officers
        self.version += 1

    def may_hold(self, group: Group) -> bool:
        return group.village_code.startswith(self.district_code)


def _village(code: str) -> list[FieldError]:
    problem = village_code_problem(code)
    return [FieldError("village_code", problem)] if problem else []


def _committee(seats: list[Seat]) -> list[FieldError]:
    people = [seat.person_id for seat in seats]
    if not people:
        return [FieldError("committee", "a group needs at least one committee member")]
    if len(set(people)) != len(people):
        return [FieldError("committee", "the same person sits twice")]
    return []
