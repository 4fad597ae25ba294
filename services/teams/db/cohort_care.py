"""Around a cohort: households' willingness, follow-ups (with the notices of late ones, one per
follow-up or cohort) and results after training (money in satang)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    and_,
    exists,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from infra.money import from_satang, to_satang
from infra.statements import insert_ignoring_duplicates
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.cohorts import cohorts
from services.teams.db.metadata import metadata
from services.teams.domain.cohort import COMPLETED
from services.teams.domain.cohort_care import AFTER, FollowUp, TrainingResult, Willingness

willingness = Table(
    "cohort_willingness",
    metadata,
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), primary_key=True),
    Column("household_id", String(36), primary_key=True),
    Column("willing", Boolean, nullable=False),
    Column("asked_by", String(36), nullable=False),
    Column("asked_on", Date, nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
)
follow_ups = Table(
    "cohort_follow_ups",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), nullable=False, index=True),
    Column("phase", String(10), nullable=False),
    Column("planned_on", Date, nullable=False),
    Column("done_on", Date),
    Column("note", String(2000), nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("done_by", String(36)),
    Column("version", Integer, nullable=False),
)
follow_up_notices = Table(
    "follow_up_notices",
    metadata,
    Column("subject_id", String(36), primary_key=True),  # a follow-up's id, or a cohort's
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), nullable=False, index=True),
    Column("due_on", Date, nullable=False),
    Column("detected_at", UtcDateTime, nullable=False),
)
training_results = Table(
    "training_results",
    metadata,
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), primary_key=True),
    Column("household_id", String(36), primary_key=True),
    Column("months", Integer, primary_key=True),
    Column("village_code", String(8), nullable=False, index=True),
    Column("occupation", String(200), nullable=False),
    Column("income_earned_satang", BigInteger, nullable=False),
    Column("costs_cut_satang", BigInteger, nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
)


class CohortCareRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def answer(self, answer: Willingness) -> None:
        key = willingness.c.cohort_id == answer.cohort_id
        key = and_(key, willingness.c.household_id == answer.household_id)
        if self.session.execute(update(willingness).where(key).values(**answer.__dict__)).rowcount:
            return
        self.session.execute(insert(willingness).values(**answer.__dict__))

    def answers(self, cohort_id: str) -> dict[str, Willingness]:
        query = select(willingness).where(willingness.c.cohort_id == cohort_id)
        return {r.household_id: Willingness(**r._mapping) for r in self.session.execute(query)}

    def add_follow_up(self, follow_up: FollowUp) -> None:
        self.session.execute(insert(follow_ups).values(**follow_up.__dict__))

    def save_follow_up(self, follow_up: FollowUp) -> None:
        save_versioned(self.session, follow_ups, "id", dict(follow_up.__dict__))

    def follow_ups(self, cohort_id: str) -> list[FollowUp]:
        query = select(follow_ups).where(follow_ups.c.cohort_id == cohort_id)
        rows = self.session.execute(query.order_by(follow_ups.c.planned_on, follow_ups.c.id))
        return [FollowUp(**r._mapping) for r in rows]

    def late_planned(self, today: date, limit: int) -> list[Any]:
        """Follow-ups past their day, not done and not announced: (follow-up, cohort) ids."""
        f = follow_ups.c
        statement = (
            select(f.id, f.cohort_id, f.phase, f.planned_on)
            .where(f.done_on.is_(None), f.planned_on < today, ~_announced(f.id))
            .order_by(f.planned_on, f.id)
            .limit(limit)
        )
        return list(self.session.execute(statement))

    def without_after_follow_up(self, today: date, days: int, limit: int) -> list[str]:
        """Cohorts completed more than `days` before today with no follow-up after training
        done, not announced yet (the domain's `late_follow_ups`)."""
        cutoff = datetime.combine(today - timedelta(days=days), time(), UTC)
        done_after = exists().where(
            follow_ups.c.cohort_id == cohorts.c.id,
            follow_ups.c.phase == AFTER,
            follow_ups.c.done_on.is_not(None),
        )
        statement = (
            select(cohorts.c.id)
            .where(cohorts.c.status == COMPLETED, cohorts.c.completed_at < cutoff)
            .where(~done_after, ~_announced(cohorts.c.id))
            .order_by(cohorts.c.completed_at, cohorts.c.id)
            .limit(limit)
        )
        return list(self.session.execute(statement).scalars())

    def announce(self, subject_id: str, cohort_id: str, due_on: date, now: datetime) -> bool:
        """True for the one caller that records this late follow-up first."""
        values = {"subject_id": subject_id, "cohort_id": cohort_id, "due_on": due_on}
        statement = insert_ignoring_duplicates(self.session, follow_up_notices)
        return self.session.execute(statement.values(**values, detected_at=now)).rowcount == 1

    def add_result(self, result: TrainingResult, village_code: str) -> None:
        self.session.execute(insert(training_results).values(**_result_row(result, village_code)))

    def result(self, cohort_id: str, household_id: str, months: int) -> TrainingResult | None:
        r = training_results.c
        query = select(training_results).where(
            r.cohort_id == cohort_id, r.household_id == household_id, r.months == months
        )
        row = self.session.execute(query).first()
        return _result(row) if row else None

    def results(self, cohort_id: str) -> list[TrainingResult]:
        r = training_results.c
        query = select(training_results).where(r.cohort_id == cohort_id)
        rows = self.session.execute(query.order_by(r.household_id, r.months))
        return [_result(row) for row in rows]


def _announced(subject: Any) -> Any:
    return exists().where(follow_up_notices.c.subject_id == subject)


def _result_row(result: TrainingResult, village_code: str) -> dict[str, Any]:
    row = {k: v for k, v in result.__dict__.items() if not k.endswith("_thb")}
    return {
        **row,
        "village_code": village_code,
        "income_earned_satang": to_satang(result.income_earned_thb),
        "costs_cut_satang": to_satang(result.costs_cut_thb),
    }


def _result(row: Any) -> TrainingResult:
    m = row._mapping
    return TrainingResult(
        cohort_id=m["cohort_id"],
        household_id=m["household_id"],
        months=m["months"],
        occupation=m["occupation"],
        income_earned_thb=from_satang(m["income_earned_satang"]),
        costs_cut_thb=from_satang(m["costs_cut_satang"]),
        recorded_by=m["recorded_by"],
        recorded_at=m["recorded_at"],
    )
