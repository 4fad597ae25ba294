"""Village trainer team tables and repository."""

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
    exists,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import any_of, touching
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach
from services.teams.db.metadata import metadata
from services.teams.domain.trainers import Sage, TrainerTeam

trainer_teams = Table(
    "trainer_teams",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("village_code", String(8), nullable=False, unique=True),  # one team per village
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
trainer_members = Table(
    "trainer_members",
    metadata,
    Column("trainer_team_id", String(36), ForeignKey("trainer_teams.id"), primary_key=True),
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True, index=True),
    Column("position", Integer, nullable=False),
    Column("lead", Boolean, nullable=False),
    Column("lead_trained_on", Date),
)


class TrainerTeamRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, team: TrainerTeam) -> None:
        self.session.execute(insert(trainer_teams).values(**_row(team)))
        self._write_sages(team)

    def save(self, team: TrainerTeam) -> None:
        save_versioned(self.session, trainer_teams, "id", _row(team))
        self._write_sages(team)

    def get(self, team_id: str) -> TrainerTeam | None:
        found = self._teams(select(trainer_teams).where(trainer_teams.c.id == team_id))
        return found[0] if found else None

    def of_village(self, village_code: str) -> TrainerTeam | None:
        found = self._teams(
            select(trainer_teams).where(trainer_teams.c.village_code == village_code)
        )
        return found[0] if found else None

    def of_person(self, person_id: str) -> list[TrainerTeam]:
        mine = select(trainer_members.c.trainer_team_id).where(
            trainer_members.c.person_id == person_id
        )
        return self._teams(select(trainer_teams).where(trainer_teams.c.id.in_(mine)))

    def list(
        self, reach: Reach, where: TrainerTeamFilter, after: str | None, limit: int
    ) -> Page[TrainerTeam]:
        statement = select(trainer_teams).where(visible_trainer_teams(reach.areas, reach.person_id))
        if where.area:
            statement = statement.where(touching(trainer_teams.c.village_code, (where.area,), 8))
        keys = [trainer_teams.c.village_code]
        rows = self.session.execute(keyset(statement, keys, after, limit)).all()
        found = page(rows, limit, key=lambda r: [r.village_code])
        return Page(self._from_rows(found.items), found.next)

    def _teams(self, statement: Any) -> list[TrainerTeam]:
        return self._from_rows(self.session.execute(statement).all())

    def _from_rows(self, rows: list[Any]) -> list[TrainerTeam]:
        sages: dict[str, list[Sage]] = defaultdict(list)
        query = (
            select(trainer_members)
            .where(trainer_members.c.trainer_team_id.in_([r.id for r in rows]))
            .order_by(trainer_members.c.position)
        )
        for m in self.session.execute(query):
            sages[m.trainer_team_id].append(Sage(m.person_id, m.lead, m.lead_trained_on))
        return [
            TrainerTeam(r.village_code, r.name, tuple(sages[r.id]), r.created_at, r.id, r.version)
            for r in rows
        ]

    def _write_sages(self, team: TrainerTeam) -> None:
        where = trainer_members.c.trainer_team_id == team.id
        self.session.execute(delete(trainer_members).where(where))
        if team.sages:
            rows = [
                {"trainer_team_id": team.id, "position": i, **s.__dict__}
                for i, s in enumerate(team.sages)
            ]
            self.session.execute(insert(trainer_members), rows)


@dataclass(frozen=True)
class TrainerTeamFilter:
    """What a list of trainer teams is narrowed to, besides the caller's reach."""

    area: str | None = None  # villages inside or holding this area


def visible_trainer_teams(readable: tuple[str, ...] | None, person_id: str) -> Any:
    if readable is None:
        return trainer_teams.c.id.is_not(None)
    member = exists().where(
        trainer_members.c.trainer_team_id == trainer_teams.c.id,
        trainer_members.c.person_id == person_id,
    )
    return any_of([touching(trainer_teams.c.village_code, readable, 8), member])


def _row(team: TrainerTeam) -> dict[str, Any]:
    return {
        "id": team.id,
        "village_code": team.village_code,
        "name": team.name,
        "created_at": team.created_at,
        "version": team.version,
    }
