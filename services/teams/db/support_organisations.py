"""Support organisation and action plan tables and repository."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import touching
from infra.tables import BigId, UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach, reached
from services.teams.db.metadata import metadata
from services.teams.domain.support_organisations import Organisation

organisations = Table(
    "support_organisations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("district_code", String(4), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("kind", "district_code"),  # one of each kind per district
)
reporters = Table(
    "organisation_reporters",
    metadata,
    Column("organisation_id", String(36), ForeignKey("support_organisations.id"), primary_key=True),
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True, index=True),
)
plans = Table(
    "action_plans",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("organisation_id", String(36), ForeignKey("support_organisations.id")),
    Column("team_id", String(36), ForeignKey("teams.id"), index=True),  # or a Smile Team's
    Column("year", Integer, nullable=False),  # a team's: the Buddhist-era fiscal year
    Column("title", String(200), nullable=False),
    Column("phase", String(20), nullable=False),
    Column("summary", Text),
    Column("approval", String(20)),  # a team's plan: draft, submitted, approved
    Column("created_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("organisation_id", "year"),  # one plan per organisation and year
    UniqueConstraint("team_id", "year"),  # one plan per team and fiscal year
    CheckConstraint("(organisation_id IS NULL) <> (team_id IS NULL)", name="owner"),
)
tasks = Table(
    "plan_tasks",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("plan_id", String(36), ForeignKey("action_plans.id"), nullable=False, index=True),
    Column("title", String(300), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("owner_id", String(36), ForeignKey("people.id")),
    Column("progress", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("household_id", String(36), index=True),  # a team's task for one of its households
)
reports = Table(
    "task_reports",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("task_id", String(36), ForeignKey("plan_tasks.id"), nullable=False, index=True),
    Column("reported_on", Date, nullable=False),
    Column("percent", Integer, nullable=False),
    Column("note", Text, nullable=False),
    Column("reported_by", String(36), nullable=False),
    Column("reported_at", UtcDateTime, nullable=False),
)
phase_log = Table(
    "plan_phase_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("action_plans.id"), nullable=False, index=True),
    Column("phase", String(20), nullable=False),
    Column("approval", String(20)),
    Column("note", Text),
    Column("changed_by", String(36), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)


class OrganisationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, org: Organisation) -> None:
        self.session.execute(insert(organisations).values(**_org_row(org)))
        self._write_reporters(org)

    def save(self, org: Organisation) -> None:
        save_versioned(self.session, organisations, "id", _org_row(org))
        self._write_reporters(org)

    def get(self, org_id: str) -> Organisation | None:
        found = self._organisations(select(organisations).where(organisations.c.id == org_id))
        return found[0] if found else None

    def taken(self, kind: str, district_code: str) -> bool:
        query = select(organisations.c.id).where(
            organisations.c.kind == kind, organisations.c.district_code == district_code
        )
        return self.session.execute(query).first() is not None

    def list(
        self, reach: Reach, where: OrganisationFilter, after: str | None, limit: int
    ) -> Page[Organisation]:
        keys = [organisations.c.district_code, organisations.c.kind]
        chosen = select(organisations).where(*_conditions(reach, where))
        rows = self.session.execute(keyset(chosen, keys, after, limit)).all()
        found = page(rows, limit, key=lambda r: [r.district_code, r.kind])
        return Page(self._organisations_of(found.items), found.next)

    def _organisations(self, statement: Any) -> list[Organisation]:
        return self._organisations_of(self.session.execute(statement).all())

    def _organisations_of(self, rows: list[Any]) -> list[Organisation]:
        who: dict[str, list[str]] = defaultdict(list)
        query = select(reporters).where(reporters.c.organisation_id.in_([r.id for r in rows]))
        for r in self.session.execute(query.order_by(reporters.c.person_id)):
            who[r.organisation_id].append(r.person_id)
        return [Organisation(**{**r._mapping, "reporters": tuple(who[r.id])}) for r in rows]

    def _write_reporters(self, org: Organisation) -> None:
        self.session.execute(delete(reporters).where(reporters.c.organisation_id == org.id))
        if org.reporters:
            rows = [{"organisation_id": org.id, "person_id": p} for p in org.reporters]
            self.session.execute(insert(reporters), rows)


@dataclass(frozen=True)
class OrganisationFilter:
    """What a list of organisations is narrowed to, besides the caller's reach."""

    area: str | None = None  # districts inside or holding this area
    kind: str | None = None


def _conditions(reach: Reach, where: OrganisationFilter) -> list[Any]:
    district = organisations.c.district_code
    area = touching(district, (where.area,), 4) if where.area else None
    kind = organisations.c.kind == where.kind if where.kind else None
    return reached(reach, district, 4, _reported_for, area, kind)


def _reported_for(person_id: str) -> Any:
    """Organisations the person reports for."""
    mine = select(reporters.c.organisation_id).where(reporters.c.person_id == person_id)
    return organisations.c.id.in_(mine)


def _org_row(org: Organisation) -> dict[str, Any]:
    return {k: v for k, v in org.__dict__.items() if k != "reporters"}
