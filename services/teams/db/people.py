"""People repository (tables in people_tables.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, func, insert, or_, select, true
from sqlalchemy.orm import Session

from infra.caller import Role
from infra.pagination import Page, keyset, page
from infra.reach import any_of, inside
from infra.versions import save_versioned
from services.teams.db.people_tables import credentials, people, person_areas, person_roles
from services.teams.domain.contact import Contact
from services.teams.domain.person import Person, Profile


class PeopleRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, person: Person) -> None:
        self.session.execute(insert(people).values(**_row(person)))
        self._write_roles_and_areas(person)

    def save(self, person: Person) -> None:
        """Store a changed person; refuses if someone else changed it first."""
        save_versioned(self.session, people, "id", _row(person))
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
    ) -> Page[Person]:
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
        found = page(rows, limit, key=lambda r: [r.username])
        return Page([self._person(r) for r in found.items], found.next)

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
