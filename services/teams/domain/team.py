"""Smile Teams (D4): one volunteer leader, one sub-district coordinator and one district expert.

A team may be formed while incomplete ("forming"); it takes households only once complete. It
covers one or more sub-districts, and each member's area must lie inside or around that coverage.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime

from infra.caller import SMILE_TEAM_ROLES, Role
from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.areas import overlaps, tambon_problems
from services.teams.domain.person import Person

FORMING, COMPLETE = "forming", "complete"


@dataclass(frozen=True)
class Seat:
    """A role in a team and the person proposed for it (None when no such person exists)."""

    role: Role
    person_id: str
    person: Person | None


@dataclass(frozen=True)
class Team:
    name: str
    coverage: tuple[str, ...]
    members: dict[Role, str]
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def form(cls, name: str, coverage: list[str], seats: list[Seat], now: datetime) -> Team:
        problems = _name_problems(name) + tambon_problems(coverage, "coverage")
        if not problems:
            problems = _seat_problems(seats, tuple(coverage))
        if problems:
            raise ValidationFailed("the team cannot be formed as given", problems)
        members = {seat.role: seat.person_id for seat in seats}
        return cls(name.strip(), tuple(sorted(coverage)), members, now)

    @property
    def complete(self) -> bool:
        return all(role in self.members for role in SMILE_TEAM_ROLES)

    @property
    def status(self) -> str:
        return COMPLETE if self.complete else FORMING

    @property
    def missing_roles(self) -> list[Role]:
        return [role for role in SMILE_TEAM_ROLES if role not in self.members]

    @property
    def member_ids(self) -> frozenset[str]:
        return frozenset(self.members.values())

    def role_of(self, person_id: str) -> Role | None:
        return next((r for r, p in self.members.items() if p == person_id), None)

    def covers(self, area_code: str) -> bool:
        """True when a village or sub-district lies in one of the team's sub-districts."""
        return area_code[:6] in self.coverage

    def join(self, seat: Seat) -> Team:
        if seat.role in self.members:
            raise Conflict(
                f"the team already has its {seat.role.value}",
                [FieldError("role", "already filled: a team has one member per role")],
            )
        problem = seat_problem(seat, self.coverage) or self._already_member(seat.person_id)
        if problem:
            raise ValidationFailed.on("person_id", problem)
        return self._with({**self.members, seat.role: seat.person_id})

    def leave(self, person_id: str) -> tuple[Team, Role]:
        role = self.role_of(person_id)
        if role is None:
            raise ValidationFailed.on("person_id", "not a member of this team")
        return self._with({r: p for r, p in self.members.items() if r != role}), role

    def changed(self, name: str, coverage: list[str], people: dict[str, Person | None]) -> Team:
        """A new name and coverage; every member must still fit the coverage."""
        problems = _name_problems(name) + tambon_problems(coverage, "coverage")
        if not problems:
            problems = [
                FieldError("coverage", f"the {role.value}'s area would lie outside it")
                for role, person_id in self.members.items()
                if seat_problem(Seat(role, person_id, people.get(person_id)), tuple(coverage))
            ]
        if problems:
            raise ValidationFailed("the team cannot be changed as given", problems)
        return replace(
            self, name=name.strip(), coverage=tuple(sorted(coverage)), version=self.version + 1
        )

    def _already_member(self, person_id: str) -> str | None:
        return "already serves in this team in another role" if self.role_of(person_id) else None

    def _with(self, members: dict[Role, str]) -> Team:
        return replace(self, members=members, version=self.version + 1)


def _name_problems(name: str) -> list[FieldError]:
    return [] if name.strip() else [FieldError("name", "must not be blank")]


def _seat_problems(seats: list[Seat], coverage: tuple[str, ...]) -> list[FieldError]:
    problems = []
    for i, seat in enumerate(seats):
        earlier = seats[:i]
        if any(s.role == seat.role for s in earlier):
            problems.append(FieldError(f"members.{i}.role", "a team has one member per role"))
        elif any(s.person_id == seat.person_id for s in earlier):
            problems.append(FieldError(f"members.{i}.person_id", "already given another role"))
        elif problem := seat_problem(seat, coverage):
            problems.append(FieldError(f"members.{i}.person_id", problem))
    return problems


def seat_problem(seat: Seat, coverage: tuple[str, ...]) -> str | None:
    """Why the person cannot hold this seat in a team covering `coverage`, or None."""
    person = seat.person
    if person is None:
        return "no such person"
    if not person.active:
        return "this person is deactivated"
    if seat.role not in person.profile.roles:
        return f"this person does not hold the role {seat.role.value}"
    if not overlaps(person.profile.areas, coverage):
        return "this person's area lies outside the team's coverage"
    return None
