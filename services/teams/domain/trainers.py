"""Village trainer teams (D5): five community sages of a village, one of them the trained lead.

A team may be recorded while sages are still being chosen ("forming"); it opens cohorts once it has
its five, with exactly one lead who has taken the lead-trainer course.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from infra.caller import Role
from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.areas import area_code_problems, related
from services.teams.domain.person import Person
from services.teams.vocabulary import TRAINER_TEAM_SIZE

TEAM_SIZE = TRAINER_TEAM_SIZE
FORMING, READY = "forming", "ready"


@dataclass(frozen=True)
class Sage:
    person_id: str
    lead: bool = False
    lead_trained_on: date | None = None


@dataclass(frozen=True)
class TrainerTeam:
    village_code: str
    name: str
    sages: tuple[Sage, ...]
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def form(
        cls, village_code: str, name: str, sages: list[tuple[Sage, Person | None]], now: datetime
    ) -> TrainerTeam:
        problems = area_code_problems(village_code, "village_code", ("village",))
        if not name.strip():
            problems.append(FieldError("name", "must not be blank"))
        if len(sages) > TEAM_SIZE:
            problems.append(FieldError("members", f"a village trainer team has {TEAM_SIZE} sages"))
        if not problems:
            problems = _sage_problems(village_code, sages)
        if problems:
            raise ValidationFailed("the trainer team cannot be formed as given", problems)
        return cls(village_code, name.strip(), tuple(s for s, _ in sages), now)

    @property
    def ready(self) -> bool:
        return len(self.sages) == TEAM_SIZE and self.lead is not None

    @property
    def status(self) -> str:
        return READY if self.ready else FORMING

    @property
    def lead(self) -> Sage | None:
        return next((s for s in self.sages if s.lead), None)

    @property
    def member_ids(self) -> frozenset[str]:
        return frozenset(s.person_id for s in self.sages)

    def join(self, sage: Sage, person: Person | None) -> TrainerTeam:
        if len(self.sages) >= TEAM_SIZE:
            raise Conflict(
                f"the trainer team already has its {TEAM_SIZE} sages",
                [FieldError("person_id", "the team is full")],
            )
        problems = _clashes(sage, list(self.sages), "")
        problems += _sage_problems_of(self.village_code, sage, person, "")
        if problems:
            raise ValidationFailed("the sage cannot join", problems)
        return replace(self, sages=(*self.sages, sage), version=self.version + 1)

    def leave(self, person_id: str) -> TrainerTeam:
        if person_id not in self.member_ids:
            raise ValidationFailed.on("person_id", "not a member of this trainer team")
        kept = tuple(s for s in self.sages if s.person_id != person_id)
        return replace(self, sages=kept, version=self.version + 1)


def _sage_problems(village_code: str, sages: list[tuple[Sage, Person | None]]) -> list[FieldError]:
    problems = []
    for i, (sage, person) in enumerate(sages):
        where = f"members.{i}."
        problems += _clashes(sage, [s for s, _ in sages[:i]], where)
        problems += _sage_problems_of(village_code, sage, person, where)
    return problems


def _sage_problems_of(
    village_code: str, sage: Sage, person: Person | None, where: str
) -> list[FieldError]:
    problems = []
    if problem := _person_problem(village_code, person):
        problems.append(FieldError(f"{where}person_id", problem))
    if sage.lead and sage.lead_trained_on is None:
        problems.append(FieldError(f"{where}lead_trained_on", "the lead's course date is needed"))
    return problems


def _clashes(sage: Sage, others: list[Sage], where: str) -> list[FieldError]:
    if any(o.person_id == sage.person_id for o in others):
        return [FieldError(f"{where}person_id", "already in this trainer team")]
    if sage.lead and any(o.lead for o in others):
        return [FieldError(f"{where}lead", "the team already has its lead trainer")]
    return []


def _person_problem(village_code: str, person: Person | None) -> str | None:
    if person is None:
        return "no such person"
    if not person.active:
        return "this person is deactivated"
    if Role.TRAINER not in person.profile.roles:
        return "this person does not hold the role trainer"
    if not any(related(village_code, area) for area in person.profile.areas):
        return "this person's area lies outside the village"
    return None
