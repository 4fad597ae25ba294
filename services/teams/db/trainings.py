"""Trainings completed: one row per household and cohort, what occupation groups are formed from."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Column, ForeignKey, String, Table, insert, select
from sqlalchemy.orm import Session

from infra.tables import UtcDateTime
from services.teams.db.metadata import metadata
from services.teams.domain.cohort import Cohort, occupation_key

trainings = Table(
    "trainings",
    metadata,
    Column("household_id", String(36), ForeignKey("known_households.id"), primary_key=True),
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), primary_key=True),
    Column("village_code", String(8), nullable=False),
    Column("occupation", String(200), nullable=False),
    Column("occupation_key", String(200), nullable=False, index=True),
    Column("completed_at", UtcDateTime, nullable=False),
)


class TrainingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, cohort: Cohort, households: list[str]) -> None:
        if households:
            common = {
                "cohort_id": cohort.id,
                "village_code": cohort.village_code,
                "occupation": cohort.occupation,
                "occupation_key": occupation_key(cohort.occupation),
                "completed_at": cohort.completed_at,
            }
            self.session.execute(
                insert(trainings), [{**common, "household_id": h} for h in households]
            )

    def finished(self, cohort_id: str) -> set[str]:
        """The households that finished the cohort's training."""
        query = select(trainings.c.household_id).where(trainings.c.cohort_id == cohort_id)
        return set(self.session.execute(query).scalars())

    def occupations_of(self, household_ids: list[str]) -> dict[str, set[str]]:
        query = select(trainings.c.household_id, trainings.c.occupation_key).where(
            trainings.c.household_id.in_(household_ids)
        )
        found: dict[str, set[str]] = defaultdict(set)
        for household_id, key in self.session.execute(query):
            found[household_id].add(key)
        return found
