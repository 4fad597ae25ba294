"""Training cohort tables (households, sessions, attendance) and repository."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach
from services.teams.db.metadata import metadata
from services.teams.db.trainers import trainer_teams, visible_trainer_teams
from services.teams.domain.cohort import Cohort
from services.teams.domain.cohort import Session as TrainingSession

cohorts = Table(
    "cohorts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column(
        "trainer_team_id", String(36), ForeignKey("trainer_teams.id"), nullable=False, index=True
    ),
    Column("village_code", String(8), nullable=False, index=True),
    Column("occupation", String(200), nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("completed_at", UtcDateTime),
    Column("version", Integer, nullable=False),
)
cohort_households = Table(
    "cohort_households",
    metadata,
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), primary_key=True),
    Column(
        "household_id", String(36), ForeignKey("known_households.id"), primary_key=True, index=True
    ),
    Column("position", Integer, nullable=False),
)
cohort_sessions = Table(
    "cohort_sessions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("cohort_id", String(36), ForeignKey("cohorts.id"), nullable=False, index=True),
    Column("held_on", Date, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("topic", String(300), nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
)
attendance = Table(
    "attendance",
    metadata,
    Column("session_id", String(36), ForeignKey("cohort_sessions.id"), primary_key=True),
    Column("household_id", String(36), primary_key=True),
    Column("present", Boolean, nullable=False),
)


class CohortRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, cohort: Cohort) -> None:
        self.session.execute(insert(cohorts).values(**_row(cohort)))
        self._write_households(cohort)

    def save(self, cohort: Cohort) -> None:
        save_versioned(self.session, cohorts, "id", _row(cohort))
        self._write_households(cohort)

    def get(self, cohort_id: str) -> Cohort | None:
        found = self._cohorts(select(cohorts).where(cohorts.c.id == cohort_id))
        return found[0] if found else None

    def list(
        self, reach: Reach, where: CohortFilter, after: str | None, limit: int
    ) -> Page[Cohort]:
        """Cohorts of the trainer teams the caller sees, newest first."""
        keys = [cohorts.c.created_at, cohorts.c.id]
        chosen = select(cohorts).where(*_conditions(reach, where))
        statement = keyset(chosen, keys, after, limit, descending=True)
        found = page(self.session.execute(statement).all(), limit, lambda r: [r.created_at, r.id])
        return Page(self._from_rows(found.items), found.next)

    def add_session(self, session: TrainingSession) -> None:
        self.session.execute(insert(cohort_sessions).values(**session.__dict__))

    def sessions(self, cohort_id: str) -> list[TrainingSession]:
        query = select(cohort_sessions).where(cohort_sessions.c.cohort_id == cohort_id)
        rows = self.session.execute(
            query.order_by(cohort_sessions.c.held_on, cohort_sessions.c.recorded_at)
        )
        return [TrainingSession(**r._mapping) for r in rows]

    def mark(self, session_id: str, marks: dict[str, bool]) -> None:
        where = attendance.c.session_id == session_id, attendance.c.household_id.in_(list(marks))
        self.session.execute(delete(attendance).where(*where))
        rows = [
            {"session_id": session_id, "household_id": h, "present": p} for h, p in marks.items()
        ]
        self.session.execute(insert(attendance), rows)

    def attendance(self, session_ids: list[str]) -> dict[str, dict[str, bool]]:
        """session id -> household id -> present."""
        marks: dict[str, dict[str, bool]] = defaultdict(dict)
        query = select(attendance).where(attendance.c.session_id.in_(session_ids))
        for row in self.session.execute(query):
            marks[row.session_id][row.household_id] = row.present
        return marks

    def _cohorts(self, statement: Any) -> list[Cohort]:
        return self._from_rows(self.session.execute(statement).all())

    def _from_rows(self, rows: list[Any]) -> list[Cohort]:
        members: dict[str, list[str]] = defaultdict(list)
        query = select(cohort_households).where(
            cohort_households.c.cohort_id.in_([r.id for r in rows])
        )
        for m in self.session.execute(query.order_by(cohort_households.c.position)):
            members[m.cohort_id].append(m.household_id)
        return [Cohort(**{**r._mapping, "households": tuple(members[r.id])}) for r in rows]

    def _write_households(self, cohort: Cohort) -> None:
        self.session.execute(
            delete(cohort_households).where(cohort_households.c.cohort_id == cohort.id)
        )
        rows = [
            {"cohort_id": cohort.id, "household_id": h, "position": i}
            for i, h in enumerate(cohort.households)
        ]
        if rows:  # every household may have said no
            self.session.execute(insert(cohort_households), rows)


@dataclass(frozen=True)
class CohortFilter:
    """What a list of cohorts is narrowed to, besides the caller's reach."""

    trainer_team_id: str | None = None
    area: str | None = None  # villages inside this area
    status: str | None = None


def _conditions(reach: Reach, where: CohortFilter) -> list[Any]:
    seen = select(trainer_teams.c.id).where(visible_trainer_teams(reach.areas, reach.person_id))
    conditions = [cohorts.c.trainer_team_id.in_(seen)]
    if where.trainer_team_id:
        conditions.append(cohorts.c.trainer_team_id == where.trainer_team_id)
    if where.area:
        conditions.append(cohorts.c.village_code.startswith(where.area))
    if where.status:
        conditions.append(cohorts.c.status == where.status)
    return conditions


def _row(cohort: Cohort) -> dict[str, Any]:
    return {k: v for k, v in cohort.__dict__.items() if k != "households"}
