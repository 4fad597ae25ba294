"""Occupation groups (D5): households of a village trained in the same occupation band together;
a group may be registered (and go on to develop a community product).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.areas import area_code_problems
from services.teams.domain.cohort import occupation_key
from services.teams.domain.group_progress import OtopProduct


@dataclass(frozen=True)
class Trained:
    """What the service knows of a household a group wants: its village and trained occupations."""

    village_code: str | None
    occupations: frozenset[str]  # occupation keys


@dataclass(frozen=True)
class OccupationGroup:
    name: str
    occupation: str
    village_code: str
    members: tuple[str, ...]
    created_at: datetime
    registration_number: str | None = None
    registered_on: date | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1
    otop_product: OtopProduct | None = None

    @classmethod
    def form(
        cls,
        name: str,
        occupation: str,
        village_code: str,
        members: list[str],
        trained: dict[str, Trained],
        now: datetime,
    ) -> OccupationGroup:
        problems = area_code_problems(village_code, "village_code", ("village",))
        problems += [
            FieldError(f, "must not be blank") for f, v in _texts(name, occupation) if not v
        ]
        group = cls(name.strip(), occupation.strip(), village_code, (), now)
        problems = problems or group._member_problems(members, trained)
        if problems:
            raise ValidationFailed("the occupation group cannot be formed as given", problems)
        return replace(group, members=tuple(members))

    @property
    def registered(self) -> bool:
        return self.registration_number is not None

    def join(self, households: list[str], trained: dict[str, Trained]) -> OccupationGroup:
        problems = self._member_problems(households, trained)
        if problems:
            raise ValidationFailed("the households cannot join the group", problems)
        return replace(self, members=(*self.members, *households), version=self.version + 1)

    def register(self, number: str, on: date) -> OccupationGroup:
        if self.registered:
            raise Conflict("the group is already registered", allowed=[])
        if not number.strip():
            raise ValidationFailed.on("registration_number", "must not be blank")
        return replace(
            self, registration_number=number.strip(), registered_on=on, version=self.version + 1
        )

    def with_product(self, product: OtopProduct) -> OccupationGroup:
        return replace(self, otop_product=product, version=self.version + 1)

    def _member_problems(self, households: list[str], trained: dict[str, Trained]) -> list:
        key = occupation_key(self.occupation)
        problems = [] if households else [FieldError("members", "at least one household")]
        for i, household in enumerate(households):
            known = trained.get(household)
            problem = ""
            if household in self.members or household in households[:i]:
                problem = "already a member"
            elif known is None or known.village_code != self.village_code:
                problem = "not a household of this village"
            elif key not in known.occupations:
                problem = "has not completed training in this occupation"
            if problem:
                problems.append(FieldError(f"members.{i}", problem))
        return problems


def _texts(name: str, occupation: str) -> list[tuple[str, str]]:
    return [("name", name.strip()), ("occupation", occupation.strip())]
