"""Smile Team tables and repository."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    and_,
    delete,
    exists,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.caller import SMILE_TEAM_ROLES, Role
from infra.pagination import Page, keyset, page
from infra.reach import any_of, touching
from infra.tables import BigId, UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach
from services.teams.db.metadata import metadata
from services.teams.domain.team import Team

teams = Table(
    "teams",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
team_coverage = Table(
    "team_coverage",
    metadata,
    Column("team_id", String(36), ForeignKey("teams.id"), primary_key=True),
    Column("tambon_code", String(6), primary_key=True, index=True),
)
team_members = Table(
    "team_members",
    metadata,
    Column("team_id", String(36), ForeignKey("teams.id"), primary_key=True),
    Column("role", String(40), primary_key=True),
    Column("person_id", String(36), ForeignKey("people.id"), nullable=False, index=True),
)
# Who joined or left which team, when, why and on whose word: history is never rewritten.
team_membership_log = Table(
    "team_membership_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False, index=True),
    Column("person_id", String(36), ForeignKey("people.id"), nullable=False),
    Column("role", String(40), nullable=False),
    Column("change", String(10), nullable=False),
    Column("reason", String(500)),
    Column("changed_by", String(36), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)


class TeamRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, team: Team) -> None:
        self.session.execute(insert(teams).values(**_row(team)))
        self._write_parts(team)

    def save(self, team: Team) -> None:
        save_versioned(self.session, teams, "id", _row(team))
        self._write_parts(team)

    def log(self, team_id: str, person_id: str, role: Role, change: str, **how: Any) -> None:
        values = {"team_id": team_id, "person_id": person_id, "role": role.value}
        self.session.execute(insert(team_membership_log).values(**values, change=change, **how))

    def get(self, team_id: str) -> Team | None:
        found = self._load(select(teams).where(teams.c.id == team_id))
        return found[0] if found else None

    def of_person(self, person_id: str) -> list[Team]:
        mine = select(team_members.c.team_id).where(team_members.c.person_id == person_id)
        return self._load(select(teams).where(teams.c.id.in_(mine)).order_by(teams.c.name))

    def covering(self, tambon_code: str) -> list[Team]:
        where = select(team_coverage.c.team_id).where(team_coverage.c.tambon_code == tambon_code)
        return self._load(select(teams).where(teams.c.id.in_(where)))

    def list(self, reach: Reach, where: TeamFilter, after: str | None, limit: int) -> Page[Team]:
        statement = select(teams).where(visible(reach.areas, reach.person_id))
        if where.area:
            statement = statement.where(_covering_area(where.area))
        if where.member:
            statement = statement.where(_has_member(where.member))
        keys = [teams.c.name, teams.c.id]
        rows = self.session.execute(keyset(statement, keys, after, limit)).all()
        found = page(rows, limit, key=lambda r: [r.name, r.id])
        return Page(self._teams(found.items), found.next)

    def _load(self, statement: Any) -> list[Team]:
        return self._teams(self.session.execute(statement).all())

    def _teams(self, rows: list[Any]) -> list[Team]:
        ids = [r.id for r in rows]
        coverage: dict[str, list[str]] = defaultdict(list)
        members: dict[str, dict[Role, str]] = defaultdict(dict)
        for c in self.session.execute(
            select(team_coverage).where(team_coverage.c.team_id.in_(ids))
        ):
            coverage[c.team_id].append(c.tambon_code)
        for m in self.session.execute(select(team_members).where(team_members.c.team_id.in_(ids))):
            members[m.team_id][Role(m.role)] = m.person_id
        return [
            Team(
                r.name, tuple(sorted(coverage[r.id])), members[r.id], r.created_at, r.id, r.version
            )
            for r in rows
        ]

    def _write_parts(self, team: Team) -> None:
        for table in (team_coverage, team_members):
            self.session.execute(delete(table).where(table.c.team_id == team.id))
        self.session.execute(
            insert(team_coverage), [{"team_id": team.id, "tambon_code": c} for c in team.coverage]
        )
        if team.members:
            rows = [
                {"team_id": team.id, "role": r.value, "person_id": p}
                for r, p in team.members.items()
            ]
            self.session.execute(insert(team_members), rows)


@dataclass(frozen=True)
class TeamFilter:
    """What a list of teams is narrowed to, besides the caller's reach."""

    area: str | None = None  # teams covering part of this area
    member: str | None = None  # teams this person serves in


def visible(readable: tuple[str, ...] | None, person_id: str) -> Any:
    """Teams a caller sees: all (None), those touching their areas, and those they serve in."""
    if readable is None:
        return teams.c.id.is_not(None)
    touching_areas = exists().where(
        team_coverage.c.team_id == teams.c.id, touching(team_coverage.c.tambon_code, readable, 6)
    )
    return any_of([touching_areas, _has_member(person_id)])


def _has_member(person_id: str) -> Any:
    return exists().where(
        and_(team_members.c.team_id == teams.c.id, team_members.c.person_id == person_id)
    )


def _covering_area(area: str) -> Any:
    return exists().where(
        team_coverage.c.team_id == teams.c.id, touching(team_coverage.c.tambon_code, (area,), 6)
    )


def _in_order(members: dict[Role, str]) -> dict[Role, str]:
    return {role: members[role] for role in SMILE_TEAM_ROLES if role in members}


def _row(team: Team) -> dict[str, Any]:
    return {
        "id": team.id,
        "name": team.name,
        "created_at": team.created_at,
        "version": team.version,
    }
