"""What the district does around a training cohort (D5, seeds 000-002): each selected household's
willingness to join, the follow-ups before, during and after training, and each trained
household's results three and six months on (an occupation taken up, income earned, costs cut).

A household that says no leaves the cohort and is not enrolled again; one with no answer yet may
be. A cohort is followed up late when a planned follow-up passed its day undone, or when no
follow-up after training is done within the configured days of its completion.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from infra.errors import Conflict, FieldError, ValidationFailed
from services.teams.domain.cohort import COMPLETED, Cohort
from services.teams.vocabulary import RESULT_MONTHS

AFTER = "after"
BANGKOK = ZoneInfo("Asia/Bangkok")


@dataclass(frozen=True)
class Willingness:
    cohort_id: str
    household_id: str
    willing: bool
    asked_by: str
    asked_on: date
    recorded_by: str
    recorded_at: datetime


def record_willingness(cohort: Cohort, answer: Willingness, asked_by_allowed: set[str]) -> Cohort:
    """The cohort after the answer: a household that says no leaves it (a new version)."""
    cohort.check_open()
    if answer.household_id not in cohort.households:
        raise ValidationFailed.on("household_id", "not a household of this cohort")
    if answer.asked_by not in asked_by_allowed:
        raise ValidationFailed.on("asked_by", "not a sage of this trainer team nor the recorder")
    kept = tuple(h for h in cohort.households if h != answer.household_id or answer.willing)
    return replace(cohort, households=kept, version=cohort.version + 1)


@dataclass(frozen=True)
class FollowUp:
    cohort_id: str
    phase: str
    planned_on: date
    note: str
    recorded_by: str
    created_at: datetime
    done_on: date | None = None
    done_by: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def plan(
        cls, cohort: Cohort, phase: str, planned_on: date, done_on: date | None, note: str,
        by: str, now: datetime,
    ) -> FollowUp:  # fmt: skip
        _check_done_on(done_on, now)
        done_by = by if done_on is not None else None
        return cls(cohort.id, phase, planned_on, note.strip(), by, now, done_on, done_by)

    def done(self, done_on: date, note: str | None, by: str, now: datetime) -> FollowUp:
        if self.done_on is not None:
            raise Conflict("the follow-up is already recorded as done", allowed=[])
        _check_done_on(done_on, now)
        kept = self.note if note is None else note.strip()
        return replace(self, done_on=done_on, done_by=by, note=kept, version=self.version + 1)


def thai_today(now: datetime) -> date:
    return now.astimezone(BANGKOK).date()


def _check_done_on(done_on: date | None, now: datetime) -> None:
    if done_on is not None and done_on > thai_today(now):
        raise ValidationFailed.on("done_on", "must not lie in the future")


@dataclass(frozen=True)
class LateFollowUp:
    """What is announced once: `subject_id` is the follow-up's id, or the cohort's when no
    follow-up after training was done in time."""

    subject_id: str
    cohort: Cohort
    phase: str
    due_on: date
    follow_up_id: str | None = None


def late_follow_ups(
    cohort: Cohort, follow_ups: list[FollowUp], today: date, days_after_training: int
) -> list[LateFollowUp]:
    late = [
        LateFollowUp(f.id, cohort, f.phase, f.planned_on, f.id)
        for f in follow_ups
        if f.done_on is None and f.planned_on < today
    ]
    followed = any(f.phase == AFTER and f.done_on is not None for f in follow_ups)
    if (due := after_training_due(cohort, days_after_training)) and due < today and not followed:
        late.append(LateFollowUp(cohort.id, cohort, AFTER, due))
    return late


def after_training_due(cohort: Cohort, days_after_training: int) -> date | None:
    if cohort.status != COMPLETED or cohort.completed_at is None:
        return None
    return cohort.completed_at.date() + timedelta(days=days_after_training)


@dataclass(frozen=True)
class TrainingResult:
    cohort_id: str
    household_id: str
    months: int
    occupation: str
    income_earned_thb: Decimal
    costs_cut_thb: Decimal
    recorded_by: str
    recorded_at: datetime

    @property
    def values(self) -> tuple[str, Decimal, Decimal]:
        return self.occupation, self.income_earned_thb, self.costs_cut_thb


def check_result(cohort: Cohort, trained: set[str], result: TrainingResult, today: date) -> None:
    """A result is for a household that finished this cohort, once its checkpoint has come."""
    if result.household_id not in trained:
        raise ValidationFailed.on("household_id", "did not finish this cohort's training")
    if result.months not in RESULT_MONTHS:
        raise ValidationFailed.on("months", "3 or 6 months after training")
    assert cohort.completed_at is not None
    if _months_later(cohort.completed_at.date(), result.months) > today:
        raise ValidationFailed.on("months", "that checkpoint after training has not come yet")


def same_result(stored: TrainingResult, given: TrainingResult) -> TrainingResult:
    """The stored result when `given` repeats it; a different one is a conflict."""
    names = ("occupation", "income_earned_thb", "costs_cut_thb")
    differing = [n for n, a, b in zip(names, stored.values, given.values, strict=True) if a != b]
    if differing:
        raise Conflict(
            "a result is already recorded for this household and checkpoint",
            [FieldError(name, "differs from the recorded result") for name in differing],
        )
    return stored


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("a month has at least 28 days")
