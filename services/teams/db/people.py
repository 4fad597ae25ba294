"""People tables and repository."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from infra.caller import Role
from infra.errors import PreconditionFailed
from infra.pagination import keyset, page
from infra.reach import any_of, inside
from infra.tables import UtcDateTime
from services.teams.db.metadata import metadata
from services.teams.domain.contact import Contact
from services.teams.domain.person import Person, Profile

people = Table(
    "people",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(40), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("language", String(2), nullable=False),
    Column("national_id", String(13)),
    Column("line_user_id", String(33)),
    Column("email", String(254)),
    Column("phone", String(16)),
    Column("active", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
Index(
    "uq_people_national_id",
    people.c.national_id,
    unique=True,
    sqlite_where=people.c.national_id.is_not(None),
    postgresql_where=people.c.national_id.is_not(None),
)
person_roles = Table(
    "person_roles",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True),
    Column("role", String(40), primary_key=True),
)
person_areas = Table(
    "person_areas",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True),
    Column("area_code", String(8), primary_key=True, index=True),
)
credentials = Table(
    "credentials",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True),
    Column("password_hash", String(200), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)


class PeopleRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, person: Person) -> None:
        self.session.execute(insert(people).values(**_row(person)))
        self._write_roles_and_areas(person)

    def save(self, person: Person) -> None:
        """Store a changed person; refuses if someone else changed it first."""
        changed = self.session.execute(
            update(people)
            .where(people.c.id == person.id, people.c.version == person.version - 1)
            .values(**_row(person))
        )
        if changed.rowcount != 1:
            raise PreconditionFailed("the person was changed by someone else; reload and retry")
        self._write_roles_and_areas(person)

    def get(self, person_id: str) -> Person | None:
        row = self.session.execute(select(people).where(people.c.id == person_id)).first()
        return self._person(row) if row else None

    def by_username(self, username: str) -> Person | None:
        row = self.session.execute(select(people).where(people.c.username == username)).first()
        return self._person(row) if row else None

    def taken(self, column: str, value: str, except_id: str | None = None) -> bool:
        query = select(people.c.id).where(
            people.c[column] == value, people.c.id != (except_id or "")
        )
        return self.session.execute(query).first() is not None

    def list(
        self, reach: PeopleReach, where: PeopleFilter, after: str | None, limit: int
    ) -> tuple[list[Person], str | None]:
        query = select(people).where(reach.condition())
        if where.name:
            query = query.where(_named(where.name))
        if where.area:
            query = query.where(_has_area_under((where.area,)))
        if where.role:
            role = where.role
            query = query.where(
                exists().where(person_roles.c.person_id == people.c.id, person_roles.c.role == role)
            )
        if where.active is not None:
            query = query.where(people.c.active.is_(where.active))
        rows = self.session.execute(keyset(query, [people.c.username], after, limit)).all()
        items, cursor = page(rows, limit, key=lambda r: [r.username])
        return [self._person(r) for r in items], cursor

    def password_hash(self, person_id: str) -> str | None:
        query = select(credentials.c.password_hash).where(credentials.c.person_id == person_id)
        return self.session.execute(query).scalar()

    def set_password_hash(self, person_id: str, password_hash: str, now: datetime) -> None:
        self.session.execute(delete(credentials).where(credentials.c.person_id == person_id))
        self.session.execute(
            insert(credentials).values(
                person_id=person_id, password_hash=password_hash, changed_at=now
            )
        )

    def any_active_administrator(self) -> bool:
        query = (
            select(people.c.id)
            .join(person_roles, person_roles.c.person_id == people.c.id)
            .where(people.c.active.is_(True), person_roles.c.role == Role.ADMINISTRATOR.value)
        )
        return self.session.execute(query).first() is not None

    def _write_roles_and_areas(self, person: Person) -> None:
        for table in (person_roles, person_areas):
            self.session.execute(delete(table).where(table.c.person_id == person.id))
        profile = person.profile
        if profile.roles:
            self.session.execute(
                insert(person_roles),
                [{"person_id": person.id, "role": r.value} for r in sorted(profile.roles)],
            )
        if profile.areas:
            self.session.execute(
                insert(person_areas),
                [{"person_id": person.id, "area_code": a} for a in sorted(set(profile.areas))],
            )

    def _person(self, row: Any) -> Person:
        roles = self.session.execute(
            select(person_roles.c.role).where(person_roles.c.person_id == row.id)
        ).scalars()
        areas = self.session.execute(
            select(person_areas.c.area_code).where(person_areas.c.person_id == row.id)
        ).scalars()
        profile = Profile(
            username=row.username,
            display_name=row.display_name,
            roles=frozenset(Role(r) for r in roles),
            areas=tuple(sorted(areas)),
            contact=Contact(row.line_user_id, row.email, row.phone),
            language=row.language,
            national_id=row.national_id,
        )
        return Person(profile, row.created_at, row.id, row.active, row.version)


@dataclass(frozen=True)
class PeopleReach:
    """The people a caller may list: everyone (`areas` None), or those answering for an area
    inside one of `areas`, and the caller themselves."""

    areas: tuple[str, ...] | None
    me: str

    def condition(self) -> ColumnElement[bool]:
        if self.areas is None:
            return true()
        return any_of([_has_area_under(self.areas), people.c.id == self.me])


@dataclass(frozen=True)
class PeopleFilter:
    """What a list of people is narrowed to, besides the caller's reach."""

    name: str | None = None  # part of the display name or username, any case
    role: str | None = None
    area: str | None = None
    active: bool | None = None

    @classmethod
    def of(cls, query: dict[str, Any]) -> PeopleFilter:
        return cls(query.get("name"), query.get("role"), query.get("area"), query.get("active"))


def _named(part: str) -> ColumnElement[bool]:
    """`part` anywhere in the display name or username, any case (LIKE's own wildcards in
    `part` are plain characters)."""
    wanted = part.lower()
    return or_(
        func.lower(people.c.display_name).contains(wanted, autoescape=True),
        func.lower(people.c.username).contains(wanted, autoescape=True),
    )


def _has_area_under(prefixes: tuple[str, ...]) -> ColumnElement[bool]:
    return exists().where(
        person_areas.c.person_id == people.c.id, inside(person_areas.c.area_code, prefixes)
    )


def _row(person: Person) -> dict[str, Any]:
    p = person.profile
    return {
        "id": person.id,
        "username": p.username,
        "display_name": p.display_name,
        "language": p.language,
        "national_id": p.national_id,
        "line_user_id": p.contact.line_user_id,
        "email": p.contact.email,
        "phone": p.contact.phone,
        "active": person.active,
        "version": person.version,
        "created_at": person.created_at,
    }
