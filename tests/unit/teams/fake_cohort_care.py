"""In-memory stand-in for the repository around a cohort (willingness, follow-ups, notices of late
ones, results), as `fake_repositories.py`; the late-follow-up queries follow the domain's
`late_follow_ups`, which the integration tests hold the SQL to."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from infra.errors import KeyTaken
from services.teams.domain.cohort import Cohort
from services.teams.domain.cohort_care import (
    FollowUp,
    TrainingResult,
    Willingness,
    late_follow_ups,
)
from tests.unit.teams.fake_repositories import Staged


class FakeCohortCare(Staged[Any]):
    """Rows keyed `w:<cohort>:<household>`, `f:<id>`, `n:<subject>`, `r:<cohort>:<hh>:<months>`."""

    def __init__(self, cohorts: Any) -> None:
        super().__init__()
        self.cohorts = cohorts

    def answer(self, answer: Willingness) -> None:
        self._staged[f"w:{answer.cohort_id}:{answer.household_id}"] = answer

    def answers(self, cohort_id: str) -> dict[str, Willingness]:
        found = self._of(Willingness)
        return {a.household_id: a for a in found if a.cohort_id == cohort_id}

    def add_follow_up(self, follow_up: FollowUp) -> None:
        self._insert(f"f:{follow_up.id}", follow_up)

    def save_follow_up(self, follow_up: FollowUp) -> None:
        self._update(f"f:{follow_up.id}", follow_up)

    def follow_ups(self, cohort_id: str) -> list[FollowUp]:
        found = [f for f in self._of(FollowUp) if f.cohort_id == cohort_id]
        return sorted(found, key=lambda f: (f.planned_on, f.id))

    def late_planned(self, today: date, limit: int) -> list[Any]:
        return [
            f
            for f in self._of(FollowUp)
            if f.done_on is None and f.planned_on < today and not self._announced(f.id)
        ][:limit]

    def without_after_follow_up(self, today: date, days: int, limit: int) -> list[str]:
        cohorts: list[Cohort] = list(self.cohorts._all().values())
        return [
            c.id
            for c in cohorts
            if not self._announced(c.id)
            and any(
                late.subject_id == c.id
                for late in late_follow_ups(c, self.follow_ups(c.id), today, days)
            )
        ][:limit]

    def announce(self, subject_id: str, cohort_id: str, due_on: date, now: datetime) -> bool:
        if self._announced(subject_id):
            return False
        self._staged[f"n:{subject_id}"] = (cohort_id, due_on, now)
        return True

    def add_result(self, result: TrainingResult, village_code: str) -> None:
        key = f"r:{result.cohort_id}:{result.household_id}:{result.months}"
        if key in self._all():
            raise KeyTaken()
        self._staged[key] = result

    def result(self, cohort_id: str, household_id: str, months: int) -> TrainingResult | None:
        return self._get(f"r:{cohort_id}:{household_id}:{months}")

    def results(self, cohort_id: str) -> list[TrainingResult]:
        return [r for r in self._of(TrainingResult) if r.cohort_id == cohort_id]

    def _of(self, kind: type) -> list[Any]:
        return [v for v in self._all().values() if isinstance(v, kind)]

    def _announced(self, subject_id: str) -> bool:
        return f"n:{subject_id}" in self._all()
