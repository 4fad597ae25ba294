"""A household and its members: the registry part of the case, and the case's own state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from infra.areas import village_code_problem
from infra.errors import FieldError, ValidationFailed
from services.households.domain.identity import national_id_problem
from services.households.domain.stages import Transition
from services.households.domain.targeting import income_per_person
from services.households.vocabulary import Stage

SEXES = ("male", "female")
MAX_SIZE = 99


@dataclass(frozen=True)
class Member:
    first_name: str
    last_name: str
    national_id: str
    is_head: bool
    birth_date: date | None = None
    sex: str | None = None
    # the member's number in the household, kept when others leave (bookkeeping, not identity)
    number: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Departure:
    """A member who left the household: kept in its history, no longer counted."""

    member: Member
    reason: str  # moved_out, deceased or moved (to another household)
    left_on: date
    to_household_id: str | None = None


@dataclass(frozen=True)
class Targeting:
    survey_year: int
    fails_income: bool
    failed_indicators: int
    income_per_person_thb: Decimal
    priority_rank: int
    targeted_at: datetime


@dataclass(frozen=True)
class Consent:
    consented: bool
    recorded_by: str
    recorded_at: datetime
    note: str | None = None


@dataclass
class Household:
    village_code: str
    members: list[Member]
    registered_at: datetime
    annual_income_thb: Decimal | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1
    size: int | None = None  # people living there; may exceed the members recorded by name
    house_no: str | None = None
    stage: Stage = Stage.REGISTERED
    team_id: str | None = None
    team_assigned_at: datetime | None = None
    targeting: Targeting | None = None
    consent: Consent | None = None
    visit_interval_days: int | None = None
    next_visit_due: date | None = None
    monitoring_until: date | None = None
    merged_into: str | None = None
    latest_survey_year: int | None = None
    moved_away_on: date | None = None
    moved_to_area: str | None = None
    departed: list[Departure] = field(default_factory=list)
    new_transitions: list[Transition] = field(default_factory=list)

    @classmethod
    def register(
        cls,
        village_code: str,
        members: list[Member],
        registered_at: datetime,
        annual_income_thb: Decimal | None = None,
        size: int | None = None,
        house_no: str | None = None,
    ) -> Household:
        problems = [
            *_village_problems(village_code),
            *member_problems(members, registered_at.date()),
            *_size_problems(size, len(members)),
            *_income_problems(annual_income_thb),
        ]
        if problems:
            raise ValidationFailed("the household cannot be registered as given", problems)
        return cls(
            village_code,
            [replace(m, number=i) if m.number is None else m for i, m in enumerate(members)],
            registered_at,
            annual_income_thb,
            size=size,
            house_no=house_no,
        )

    @property
    def head(self) -> Member:
        return next(m for m in self.members if m.is_head)

    @property
    def household_size(self) -> int:
        return self.size or len(self.members)

    @property
    def income_per_person_thb(self) -> Decimal | None:
        if self.annual_income_thb is None:
            return None
        return income_per_person(self.annual_income_thb, self.household_size)


def _village_problems(village_code: str) -> list[FieldError]:
    problem = village_code_problem(village_code)
    return [FieldError("village_code", problem)] if problem else []


def member_problems(members: list[Member], today: date) -> list[FieldError]:
    problems = [
        FieldError(f"members.{i}.{name}", problem)
        for i, member in enumerate(members)
        for name, problem in _person_problems(member, today)
    ]
    heads = sum(m.is_head for m in members)
    if heads != 1:
        problems.append(
            FieldError("members", f"exactly one member must be the head (found {heads})")
        )
    ids = [m.national_id for m in members]
    if len(set(ids)) != len(ids):
        problems.append(FieldError("members", "the same national ID appears twice"))
    return problems


def _person_problems(member: Member, today: date) -> list[tuple[str, str]]:
    problems = []
    if problem := national_id_problem(member.national_id):
        problems.append(("national_id", problem))
    if member.birth_date is not None and member.birth_date > today:
        problems.append(("birth_date", "must not be in the future"))
    if member.sex is not None and member.sex not in SEXES:
        problems.append(("sex", "must be male or female"))
    return problems


def _size_problems(size: int | None, named: int) -> list[FieldError]:
    if size is not None and not named <= size <= MAX_SIZE:
        return [FieldError("size", f"must be at least the members named and at most {MAX_SIZE}")]
    return []


def _income_problems(income: Decimal | None) -> list[FieldError]:
    if income is not None and income < 0:
        return [FieldError("annual_income_thb", "must not be negative")]
    return []
