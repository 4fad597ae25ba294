"""Sammachip training cohorts (D5): about 20 households of the trainer team's village, trained in
sessions (classes, practice, study visits) whose number and length are not fixed.

Completion records which households finished; each is announced with the occupation trained.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.trainers import TrainerTeam

OPEN, COMPLETED = "open", "completed"


def occupation_key(occupation: str) -> str:
    """Occupations compare without case or spacing differences ("Basketry " == "basketry")."""
    return " ".join(occupation.split()).casefold()


@dataclass(frozen=True)
class Cohort:
    trainer_team_id: str
    village_code: str
    occupation: str
    households: tuple[str, ...]
    created_at: datetime
    status: str = OPEN
    completed_at: datetime | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def open(
        cls,
        team: TrainerTeam,
        occupation: str,
        households: list[str],
        villages: dict[str, str],
        max_size: int,
        now: datetime,
    ) -> Cohort:
        if not team.ready:
            raise Conflict(
                "the trainer team is still forming: five sages with one trained lead are needed",
                [FieldError("trainer_team_id", "the trainer team is not ready")],
            )
        problems = [] if occupation.strip() else [FieldError("occupation", "must not be blank")]
        problems += _household_problems(team.village_code, (), households, villages, max_size)
        if problems:
            raise ValidationFailed("the cohort cannot be opened as given", problems)
        return cls(team.id, team.village_code, occupation.strip(), tuple(households), now)

    def enrol(
        self,
        households: list[str],
        villages: dict[str, str],
        max_size: int,
        unwilling: set[str] | None = None,
    ) -> Cohort:
        """More households join; one that said it does not want to join this cohort is refused."""
        self.check_open()
        problems = _household_problems(
            self.village_code, self.households, households, villages, max_size
        ) or [
            FieldError(f"households.{i}", "said it does not want to join this cohort")
            for i, household in enumerate(households)
            if household in (unwilling or set())
        ]
        if problems:
            raise ValidationFailed("the households cannot join the cohort", problems)
        return replace(self, households=(*self.households, *households), version=self.version + 1)

    def recorded(self) -> Cohort:
        """The cohort after a session or attendance was recorded (a new version)."""
        self.check_open()
        return replace(self, version=self.version + 1)

    def check_open(self) -> None:
        if self.status != OPEN:
            raise Conflict("the cohort has completed its training", allowed=[])

    def complete(
        self, households: list[str] | None, attended: set[str], now: datetime
    ) -> tuple[Cohort, list[str]]:
        """The completed cohort and the households that finished (default: all who attended)."""
        self.check_open()
        finished = households if households is not None else sorted(attended)
        problems = [
            FieldError(f"households.{i}", problem)
            for i, household in enumerate(finished)
            if (problem := self._completion_problem(household, attended, finished[:i]))
        ]
        if problems:
            raise ValidationFailed("the cohort cannot complete as given", problems)
        completed = replace(self, status=COMPLETED, completed_at=now, version=self.version + 1)
        return completed, list(finished)

    def attendance_problems(self, households: list[str]) -> list[FieldError]:
        return [
            FieldError(f"attendance.{i}.household_id", "not a household of this cohort")
            for i, household in enumerate(households)
            if household not in self.households
        ]

    def _completion_problem(self, household: str, attended: set[str], earlier: list[str]) -> str:
        if household not in self.households:
            return "not a household of this cohort"
        if household not in attended:
            return "attended no session"
        return "given twice" if household in earlier else ""


@dataclass(frozen=True)
class Session:
    cohort_id: str
    held_on: date
    duration_minutes: int
    kind: str
    topic: str
    recorded_by: str
    recorded_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


def _household_problems(
    village_code: str,
    enrolled: tuple[str, ...],
    households: list[str],
    villages: dict[str, str],
    max_size: int,
) -> list[FieldError]:
    if not households:
        return [FieldError("households", "at least one household")]
    if len(enrolled) + len(households) > max_size:
        return [FieldError("households", f"a cohort takes at most {max_size} households")]
    problems = []
    for i, household in enumerate(households):
        if household in enrolled or household in households[:i]:
            problems.append(FieldError(f"households.{i}", "already in this cohort"))
        elif villages.get(household) is None:
            problems.append(FieldError(f"households.{i}", "not a household known here"))
        elif villages[household] != village_code:
            problems.append(FieldError(f"households.{i}", "not a household of this village"))
    return problems
