"""The households read model (from the households service's events) and the assignments."""

from __future__ import annotations

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
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import inside
from infra.tables import BigId, UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach, reached
from services.teams.db.metadata import metadata
from services.teams.db.teams import team_members
from services.teams.domain.assignment import Assignment
from services.teams.domain.households import KnownHousehold

known_households = Table(
    "known_households",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("village_code", String(8), nullable=False, index=True),
    Column("stage", String(20), nullable=False),
    Column("stage_at", UtcDateTime),
    Column("fails_income", Boolean),
    Column("consented", Boolean),
    Column("consent_at", UtcDateTime),
    Column("graduated_at", UtcDateTime),
    Column("last_visit_on", Date),
    Column("visit_due_on", Date),
    Column("open_case", Boolean, nullable=False),  # derived, kept for counting in SQL
    Column("overdue", Boolean, nullable=False),  # derived, kept for counting in SQL
)
assignments = Table(
    "assignments",
    metadata,
    Column("household_id", String(36), ForeignKey("known_households.id"), primary_key=True),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False, index=True),
    Column("village_code", String(8), nullable=False, index=True),
    Column("assigned_by", String(36), nullable=False),
    Column("assigned_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
assignment_log = Table(
    "assignment_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("household_id", String(36), nullable=False, index=True),
    Column("from_team_id", String(36)),
    Column("to_team_id", String(36), nullable=False),
    Column("reason", String(500)),
    Column("changed_by", String(36), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)
_DERIVED = ("open_case", "overdue")
_FIELDS = [c.name for c in known_households.columns if c.name not in _DERIVED]


class HouseholdRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, household_id: str, *, for_update: bool = False) -> KnownHousehold | None:
        """One household; `for_update` holds its row until commit (concurrent events queue up)."""
        query = _ONE_FOR_UPDATE if for_update else _ONE
        row = self.session.execute(query, {"key": household_id}).first()
        return _household(row) if row else None

    def many(self, ids: list[str]) -> dict[str, KnownHousehold]:
        rows = self.session.execute(select(known_households).where(known_households.c.id.in_(ids)))
        return {r.id: _household(r) for r in rows}

    def in_village(self, village_code: str) -> list[KnownHousehold]:
        query = select(known_households).where(known_households.c.village_code == village_code)
        return [_household(r) for r in self.session.execute(query.order_by(known_households.c.id))]

    def add_unknown(self, households: list[KnownHousehold]) -> int:
        """Insert those not known yet (in one statement); returns how many were new."""
        known = set(self.many([h.id for h in households]))
        new = [h for h in households if h.id not in known]
        if new:
            self.session.execute(insert(known_households), [_values(h) for h in new])
        return len(new)

    def put(self, household: KnownHousehold, existed: bool) -> None:
        values = _values(household)
        if existed:
            self.session.execute(_UPDATE_ONE, {**values, "key": household.id})
        else:
            self.session.execute(_INSERT, values)


# built once: an event applied to a household runs these, and building them cost more than running
_INSERT = insert(known_households)
_ONE = select(known_households).where(known_households.c.id == bindparam("key"))
_ONE_FOR_UPDATE = _ONE.with_for_update()
_UPDATE_ONE = update(known_households).where(known_households.c.id == bindparam("key"))


def _values(household: KnownHousehold) -> dict[str, Any]:
    values = {f: getattr(household, f) for f in _FIELDS}
    return {**values, "open_case": household.open_case, "overdue": household.overdue}


class AssignmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, assignment: Assignment, reason: str | None = None) -> None:
        self.session.execute(insert(assignments).values(**assignment.__dict__))
        self._log(None, assignment, reason)

    def save(self, assignment: Assignment, from_team_id: str, reason: str) -> None:
        save_versioned(self.session, assignments, "household_id", dict(assignment.__dict__))
        self._log(from_team_id, assignment, reason)

    def get(self, household_id: str) -> Assignment | None:
        query = select(assignments).where(assignments.c.household_id == household_id)
        row = self.session.execute(query).first()
        return Assignment(**row._mapping) if row else None

    def of(self, household_ids: list[str]) -> dict[str, Assignment]:
        query = select(assignments).where(assignments.c.household_id.in_(household_ids))
        return {r.household_id: Assignment(**r._mapping) for r in self.session.execute(query)}

    def any_in(self, team_id: str, tambons: set[str]) -> bool:
        """Whether the team has households in any of these sub-districts."""
        query = select(assignments.c.household_id).where(
            assignments.c.team_id == team_id,
            inside(assignments.c.village_code, tambons),
        )
        return self.session.execute(query.limit(1)).first() is not None

    def history(self, household_id: str) -> list[dict[str, Any]]:
        query = select(assignment_log).where(assignment_log.c.household_id == household_id)
        rows = self.session.execute(query.order_by(assignment_log.c.id))
        return [dict(r._mapping) for r in rows]

    def list(
        self, reach: Reach, where: KnownHouseholdFilter, after: str | None, limit: int
    ) -> Page[Any]:
        """Known households (with their assignment, if any) in reach, matching `where`."""
        statement = select(
            known_households, assignments.c.team_id, assignments.c.version
        ).outerjoin(assignments, assignments.c.household_id == known_households.c.id)
        chosen = statement.where(*_conditions(reach, where))
        keys = [known_households.c.village_code, known_households.c.id]
        rows = self.session.execute(keyset(chosen, keys, after, limit)).all()
        return page(rows, limit, key=lambda r: [r.village_code, r.id])

    def _log(self, from_team_id: str | None, assignment: Assignment, reason: str | None) -> None:
        self.session.execute(
            insert(assignment_log).values(
                household_id=assignment.household_id,
                from_team_id=from_team_id,
                to_team_id=assignment.team_id,
                reason=reason,
                changed_by=assignment.assigned_by,
                changed_at=assignment.assigned_at,
            )
        )


@dataclass(frozen=True)
class KnownHouseholdFilter:
    """What a list of known households is narrowed to, besides the caller's reach."""

    area: str | None = None  # villages inside this area
    team_id: str | None = None
    unassigned: bool = False


def _conditions(reach: Reach, where: KnownHouseholdFilter) -> list[Any]:
    village, team = known_households.c.village_code, assignments.c.team_id
    area = village.startswith(where.area) if where.area else None
    of_team = team == where.team_id if where.team_id else None
    unassigned = team.is_(None) if where.unassigned else None
    return reached(reach, village, 8, _of_their_teams, area, of_team, unassigned)


def _of_their_teams(person_id: str) -> Any:
    """Households assigned to the person's teams."""
    mine = select(team_members.c.team_id).where(team_members.c.person_id == person_id)
    return assignments.c.team_id.in_(mine)


def _household(row: Any) -> KnownHousehold:
    return KnownHousehold(**{f: getattr(row, f) for f in _FIELDS})
